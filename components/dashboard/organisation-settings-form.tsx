"use client";

import { useTranslations } from "next-intl";
import { HiddenField, TextField } from "@/components/editor/editor-fields";
import { FormStatus, SubmitButton } from "@/components/editor/form-status";
import { useEditorForm } from "@/components/editor/use-editor-form";
import { updateOrganisationSettingsAction } from "@/lib/organisations/actions";
import { organisationSettingsSchema, type OrganisationSettingsValues } from "@/lib/organisations/schema";

type Props = { locale: "nl" | "en"; organisationId: string; values: OrganisationSettingsValues };

// The organisation's public details: what every conference page and email says about who organises it.
export function OrganisationSettingsForm({ locale, organisationId, values }: Props) {
  const t = useTranslations("dashboard.settings");
  const tEditor = useTranslations("editor");
  const editor = useEditorForm({
    schema: organisationSettingsSchema,
    action: updateOrganisationSettingsAction,
    defaults: { ...values, organisationId },
  });
  const common = { editor: editor as never, idPrefix: "organisation" };
  return (
    <form action={editor.formAction} onSubmit={editor.onSubmit} noValidate className="space-y-4">
      <FormStatus done={editor.outcome?.ok ? tEditor("saved") : null} refusal={editor.refusal} />
      <input type="hidden" name="locale" value={locale} />
      <HiddenField {...common} name="organisationId" />
      <TextField {...common} name="name" label={t("name")} autoComplete="organization" />
      <TextField {...common} name="contactEmail" type="email" label={t("contactEmail")} hint={t("contactEmailHint")} autoComplete="email" />
      <TextField {...common} name="website" type="url" label={t("website")} optionalLabel={tEditor("optional")} />
      <SubmitButton pending={editor.pending} label={tEditor("save")} pendingLabel={tEditor("pending")} />
    </form>
  );
}
