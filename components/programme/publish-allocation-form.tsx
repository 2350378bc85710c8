"use client";
// Publishing a ranked round's allocation asks twice (it emails everyone and cannot be undone): a disclosure
// opens the question, the button sends. No script needed; the round travels in a hidden field.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/dashboard/form-message";
import { primaryButton } from "@/components/dashboard/styles";
import { publishAllocationAction } from "@/lib/programme/actions";

export function PublishAllocationForm({ roundId }: { roundId: string }) {
  const t = useTranslations("conferenceEditor.allocation");
  const tEditor = useTranslations("editor");
  const [outcome, formAction, pending] = useActionState(publishAllocationAction, null);
  if (outcome?.ok) {
    return (
      <FormMessage kind="ok">{t("done", { placed: outcome.data.placed, waiting: outcome.data.waiting })}</FormMessage>
    );
  }
  const refusal =
    outcome && !outcome.ok
      ? outcome.reason in { notRanked: 1, allocated: 1, busy: 1 }
        ? t(`refusals.${outcome.reason as "notRanked" | "allocated" | "busy"}`)
        : tEditor(`errors.${outcome.reason}` as "errors.unexpected", { minutes: 1 })
      : null;
  return (
    <details className="mt-4">
      <summary className={`${primaryButton} cursor-pointer list-none`}>{t("publish")}…</summary>
      <form action={formAction} className="mt-3 space-y-3 rounded-md border-2 border-petrol-800 bg-petrol-50 p-4">
        {refusal && <FormMessage kind="error">{refusal}</FormMessage>}
        <input type="hidden" name="roundId" value={roundId} />
        <p className="font-semibold">{t("publishText")}</p>
        <button type="submit" disabled={pending} aria-disabled={pending} className={primaryButton}>
          {pending ? tEditor("pending") : t("publishConfirm")}
        </button>
      </form>
    </details>
  );
}
