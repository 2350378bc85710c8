"use client";
// How a round's workshops are handed out: first come, first served, or by ranked preference with the moment
// the preferences close. Whether the mode may change is lib/places's to decide (the server says why not).
import { useTranslations } from "next-intl";
import { secondaryButton } from "@/components/dashboard/styles";
import { TextField } from "@/components/editor/editor-fields";
import { FormStatus, SubmitButton } from "@/components/editor/form-status";
import { useEditorForm } from "@/components/editor/use-editor-form";
import { roundAllocationAction } from "@/lib/programme/actions";
import { ALLOCATION_MODES, roundAllocationSchema } from "@/lib/programme/schema";

export function RoundAllocationForm({ roundId, allocation, rankingClosesAt }: { roundId: string; allocation: string; rankingClosesAt: string }) {
  const t = useTranslations("conferenceEditor.programme.allocation");
  const tEditor = useTranslations("editor");
  const editor = useEditorForm({ schema: roundAllocationSchema, action: roundAllocationAction, defaults: { roundId, allocation, rankingClosesAt } });
  const idPrefix = `round-${roundId}-allocation`;
  const error = editor.errorOf("allocation");
  return (
    <form action={editor.formAction} onSubmit={editor.onSubmit} noValidate className="mt-3 space-y-3">
      <FormStatus done={editor.outcome?.ok ? t("saved") : null} refusal={error ? null : editor.refusal} />
      <input type="hidden" name="roundId" value={roundId} />
      <fieldset aria-describedby={error ? `${idPrefix}-error` : undefined}>
        <legend className="font-semibold">{t("legend")}</legend>
        {error && (
          <p id={`${idPrefix}-error`} className="mt-1 text-sm font-semibold text-bad-700">
            <span aria-hidden>⚠ </span>
            {error}
          </p>
        )}
        {ALLOCATION_MODES.map((mode) => (
          <label key={mode} className="mt-2 flex items-start gap-3">
            <input
              type="radio"
              value={mode}
              defaultChecked={editor.valueOf("allocation") === mode}
              aria-describedby={`${idPrefix}-${mode}-hint`}
              className="mt-1 h-5 w-5 accent-petrol-700"
              {...editor.form.register("allocation")}
            />
            <span>
              <span className="font-semibold">{t(mode)}</span>
              <span id={`${idPrefix}-${mode}-hint`} className="block text-sm text-muted">
                {t(`${mode}Hint`)}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <TextField editor={editor as never} idPrefix={idPrefix} name="rankingClosesAt" type="datetime-local" label={t("closesAt")} hint={t("closesAtHint")} />
      <SubmitButton pending={editor.pending} label={t("save")} pendingLabel={tEditor("pending")} className={secondaryButton} />
    </form>
  );
}
