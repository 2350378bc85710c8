"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/dashboard/form-message";
import { dangerButton } from "@/components/dashboard/styles";
import type { ActionOutcome } from "@/lib/auth/outcome";


/**
 * Deleting asks twice: the first button opens the question, the second sends. A disclosure, not a script, so
 * it works without JavaScript too; the ids travel in hidden fields (the action is not bound).
 */
export function DeleteForm<Data, Reason extends string>({
  action,
  fields,
  label,
  text,
  locale,
}: {
  action: (previous: ActionOutcome<Data, Reason> | null, input: FormData) => Promise<ActionOutcome<Data, Reason>>;
  fields: Record<string, string>;
  /** Names what goes, for screen readers too: "Verwijderen: Studio". */
  label: string;
  text?: string;
  locale: "nl" | "en";
}) {
  const t = useTranslations("editor");
  const [outcome, formAction, pending] = useActionState(action, null);
  const refusal = outcome && !outcome.ok ? t(`errors.${outcome.reason}` as "errors.unexpected", { minutes: 1 }) : null;
  return (
    <details className="group">
      <summary className={`${dangerButton} min-h-10 cursor-pointer list-none text-sm`} aria-label={label}>
        {t("delete")}…
      </summary>
      <form action={formAction} className="mt-2 space-y-2 rounded-md border-2 border-bad-700 bg-bad-50 p-3">
        {refusal && <FormMessage kind="error">{refusal}</FormMessage>}
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="locale" value={locale} />
        {text && <p className="text-sm font-semibold text-bad-700">{text}</p>}
        <button type="submit" disabled={pending} className="min-h-12 rounded-md bg-bad-700 px-4 font-semibold text-white">
          {pending ? t("pending") : t("deleteConfirm")}
        </button>
      </form>
    </details>
  );
}
