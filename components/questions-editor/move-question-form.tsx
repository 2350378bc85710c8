"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/dashboard/form-message";
import { secondaryButton } from "@/components/dashboard/styles";
import { moveQuestionAction } from "@/lib/questions/actions";

/**
 * Up and down: two buttons in one form, each sending its direction. Buttons, so they are reached with Tab and
 * pressed with Enter or Space, and they work without JavaScript.
 */
export function MoveQuestionForm({ questionId, label, first, last, locale }: { questionId: string; label: string; first: boolean; last: boolean; locale: "nl" | "en" }) {
  const t = useTranslations("conferenceEditor.questions");
  const tEditor = useTranslations("editor");
  const [outcome, formAction, pending] = useActionState(moveQuestionAction, null);
  const refusal = outcome && !outcome.ok ? tEditor(`errors.${outcome.reason}` as "errors.unexpected", { minutes: 1 }) : null;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="questionId" value={questionId} />
      <input type="hidden" name="locale" value={locale} />
      <button type="submit" name="direction" value="up" disabled={pending || first} aria-label={t("moveUpLabel", { label })} className={`${secondaryButton} min-h-10 text-sm`}>
        <span aria-hidden>↑ </span>
        {t("moveUp")}
      </button>
      <button type="submit" name="direction" value="down" disabled={pending || last} aria-label={t("moveDownLabel", { label })} className={`${secondaryButton} min-h-10 text-sm`}>
        <span aria-hidden>↓ </span>
        {t("moveDown")}
      </button>
      {refusal && <FormMessage kind="error">{refusal}</FormMessage>}
    </form>
  );
}
