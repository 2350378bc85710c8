"use client";

import { useEffect } from "react";
import { useTranslations } from "next-intl";
import { Field, describedBy, inputClass } from "@/components/ui/field";
import { HiddenField, TextArea, TextField } from "@/components/editor/editor-fields";
import { FormStatus, SubmitButton } from "@/components/editor/form-status";
import { useNoScriptUpload } from "@/components/editor/no-script-upload";
import { useEditorForm } from "@/components/editor/use-editor-form";
import { createSpeakerAction, updateSpeakerAction } from "@/lib/speakers/actions";
import { createSpeakerSchema, EMPTY_SPEAKER, updateSpeakerSchema, type SpeakerFormValues } from "@/lib/speakers/schema";
import { ACCEPTED_IMAGE_TYPES, MAX_UPLOAD_MEGABYTES } from "@/lib/uploads/limits";


type Props = { locale: "nl" | "en"; values: SpeakerFormValues; hasPhoto?: boolean } & (
  | { mode: "create"; organisationId: string; requestKey: string }
  | { mode: "edit"; speakerId: string }
);

// A speaker with an optional photo. The photo is re-encoded on the server (lib/uploads); without JavaScript a
// refused form comes back with the words typed, but the file has to be picked again (browsers never refill it),
// and the form goes through /api/uploads/form first (components/editor/no-script-upload.tsx).
export function SpeakerForm(props: Props) {
  const t = useTranslations("speakersEditor");
  const tEditor = useTranslations("editor");
  const create = props.mode === "create";
  const ids: Record<string, string> = create ? { organisationId: props.organisationId, requestKey: props.requestKey } : { speakerId: props.speakerId };
  const editor = useEditorForm({
    schema: create ? createSpeakerSchema : updateSpeakerSchema,
    action: (create ? createSpeakerAction : updateSpeakerAction) as typeof updateSpeakerAction,
    defaults: { ...props.values, ...ids },
  });
  const idPrefix = create ? "new-speaker" : "speaker";
  const common = { editor: editor as never, idPrefix };
  const optional = tEditor("optional");
  const { form } = editor;
  const noScript = useNoScriptUpload(props.locale);
  const requestKey = create ? props.requestKey : "";

  useEffect(() => {
    if (create) form.reset({ ...EMPTY_SPEAKER, ...ids } as never);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [requestKey]);

  const photoId = `${idPrefix}-photo`;
  const photoError = editor.errorOf("photo");
  const photoHint = t("fields.photoHint", { megabytes: MAX_UPLOAD_MEGABYTES });

  return (
    <form action={editor.formAction} onSubmit={editor.onSubmit} noValidate className="space-y-4">
      <FormStatus done={editor.outcome?.ok ? (create ? t("added") : tEditor("saved")) : null} refusal={editor.refusal} />
      <input type="hidden" name="locale" value={props.locale} />
      {noScript.returnField}
      {create ? (
        Object.entries(ids).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)
      ) : (
        <HiddenField {...common} name="speakerId" />
      )}
      <TextField {...common} name="name" label={t("fields.name")} />
      <TextField {...common} name="role" label={t("fields.role")} hint={t("fields.roleHint")} optionalLabel={optional} />
      <TextField {...common} name="affiliation" label={t("fields.affiliation")} optionalLabel={optional} />
      <TextArea {...common} name="bio" label={t("fields.bio")} optionalLabel={optional} rows={4} />
      <Field id={photoId} label={props.hasPhoto ? t("fields.photoReplace") : t("fields.photo")} hint={photoHint} error={photoError} optionalLabel={optional}>
        <input
          id={photoId}
          type="file"
          accept={ACCEPTED_IMAGE_TYPES}
          aria-invalid={photoError ? true : undefined}
          aria-describedby={describedBy(photoId, photoHint, photoError)}
          className={`${inputClass} file:mr-3 file:rounded file:border-0 file:bg-petrol-50 file:px-3 file:py-1 file:font-semibold file:text-petrol-800`}
          {...form.register("photo" as never)}
        />
      </Field>
      <TextField {...common} name="photoAlt" label={t("fields.photoAlt")} hint={t("fields.photoAltHint")} optionalLabel={optional} />
      <SubmitButton pending={editor.pending} label={create ? t("add") : tEditor("save")} pendingLabel={tEditor("pending")} formAction={noScript.formAction} />
    </form>
  );
}
