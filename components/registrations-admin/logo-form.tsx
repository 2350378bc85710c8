"use client";
// The organisation's logo on its badges: upload a new one (with what it shows, for screen readers) or take it
// away. Like every editor form it works without JavaScript (the photo then goes through /api/uploads/form).
import { useTranslations } from "next-intl";
import { FormStatus, SubmitButton } from "@/components/editor/form-status";
import { HiddenField, TextField } from "@/components/editor/editor-fields";
import { useNoScriptUpload } from "@/components/editor/no-script-upload";
import { useEditorForm } from "@/components/editor/use-editor-form";
import { secondaryButton } from "@/components/dashboard/styles";
import { Field, describedBy, inputClass } from "@/components/ui/field";
import { setOrganisationLogoAction } from "@/lib/organisations/logo-actions";
import { organisationLogoSchema } from "@/lib/organisations/logo-schema";
import { ACCEPTED_IMAGE_TYPES, MAX_UPLOAD_MEGABYTES } from "@/lib/uploads/limits";

export function LogoForm({ organisationId, hasLogo, locale }: { organisationId: string; hasLogo: boolean; locale: "nl" | "en" }) {
  const t = useTranslations("registrationsAdmin.badges.logo");
  const tEditor = useTranslations("editor");
  const editor = useEditorForm({ schema: organisationLogoSchema, action: setOrganisationLogoAction, defaults: { organisationId, logoAlt: "" } });
  const noScript = useNoScriptUpload(locale);
  const common = { editor: editor as never, idPrefix: "badge" };
  const fileError = editor.errorOf("logo");
  const hint = t("fileHint", { megabytes: MAX_UPLOAD_MEGABYTES });
  const done = editor.outcome?.ok ? ((editor.outcome.data as { logoPhotoId: string | null }).logoPhotoId ? t("saved") : t("removed")) : null;
  return (
    <form action={editor.formAction} onSubmit={editor.onSubmit} noValidate className="space-y-4">
      <FormStatus done={done} refusal={editor.refusal} />
      <input type="hidden" name="locale" value={locale} />
      {noScript.returnField}
      <HiddenField {...common} name="organisationId" />
      <Field id="badge-logo" label={hasLogo ? t("replace") : t("file")} hint={hint} error={fileError}>
        <input
          id="badge-logo"
          type="file"
          accept={ACCEPTED_IMAGE_TYPES}
          aria-invalid={fileError ? true : undefined}
          aria-describedby={describedBy("badge-logo", hint, fileError)}
          className={`${inputClass} file:mr-3 file:rounded file:border-0 file:bg-petrol-50 file:px-3 file:py-1 file:font-semibold file:text-petrol-800`}
          {...editor.form.register("logo" as never)}
        />
      </Field>
      <TextField {...common} name="logoAlt" label={t("alt")} hint={t("altHint")} />
      {hasLogo && (
        <label className="flex min-h-12 items-center gap-3">
          <input type="checkbox" className="size-5 accent-petrol-800" {...editor.form.register("removeLogo")} />
          {t("remove")}
        </label>
      )}
      <SubmitButton pending={editor.pending} label={t("save")} pendingLabel={tEditor("pending")} className={secondaryButton} formAction={noScript.formAction} />
    </form>
  );
}
