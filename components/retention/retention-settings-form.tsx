"use client";

import { useTranslations } from "next-intl";
import { HiddenField, TextField } from "@/components/editor/editor-fields";
import { FormStatus, SubmitButton } from "@/components/editor/form-status";
import { useEditorForm } from "@/components/editor/use-editor-form";
import { updateRetentionAction } from "@/lib/retention/actions";
import { retentionSettingsSchema, type RetentionSettingsValues } from "@/lib/retention/schema";

type Props = { locale: "nl" | "en"; organisationId: string; values: RetentionSettingsValues };

// The owner's two periods; the schedule beside it shows what they mean per conference.
export function RetentionSettingsForm({ locale, organisationId, values }: Props) {
  const t = useTranslations("retention.form");
  const tEditor = useTranslations("editor");
  const editor = useEditorForm({
    schema: retentionSettingsSchema,
    action: updateRetentionAction,
    defaults: { ...values, organisationId },
  });
  const common = { editor: editor as never, idPrefix: "retention" };
  return (
    <form action={editor.formAction} onSubmit={editor.onSubmit} noValidate className="space-y-4">
      <FormStatus done={editor.outcome?.ok ? tEditor("saved") : null} refusal={editor.refusal} />
      <input type="hidden" name="locale" value={locale} />
      <HiddenField {...common} name="organisationId" />
      <TextField {...common} name="retentionMonths" inputMode="numeric" label={t("retentionMonths")} hint={t("retentionMonthsHint")} className="max-w-md" />
      <TextField {...common} name="needsRetentionDays" inputMode="numeric" label={t("needsRetentionDays")} hint={t("needsRetentionDaysHint")} className="max-w-md" />
      <SubmitButton pending={editor.pending} label={tEditor("save")} pendingLabel={tEditor("pending")} />
    </form>
  );
}
