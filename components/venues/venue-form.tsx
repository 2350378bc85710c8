"use client";

import { useEffect } from "react";
import { useTranslations } from "next-intl";
import { HiddenField, TextArea, TextField } from "@/components/editor/editor-fields";
import { FormStatus, SubmitButton } from "@/components/editor/form-status";
import { useEditorForm } from "@/components/editor/use-editor-form";
import { createVenueAction, updateVenueAction } from "@/lib/venues/actions";
import { createVenueSchema, EMPTY_VENUE, updateVenueSchema, type VenueFormValues } from "@/lib/venues/schema";


type Props = { locale: "nl" | "en"; values: VenueFormValues } & (
  | { mode: "create"; organisationId: string; requestKey: string }
  | { mode: "edit"; venueId: string }
);

export function VenueForm(props: Props) {
  const t = useTranslations("venues");
  const tEditor = useTranslations("editor");
  const create = props.mode === "create";
  const editor = useEditorForm({
    schema: create ? createVenueSchema : updateVenueSchema,
    action: (create ? createVenueAction : updateVenueAction) as typeof updateVenueAction,
    defaults: create
      ? { ...props.values, organisationId: props.organisationId, requestKey: props.requestKey }
      : { ...props.values, venueId: props.venueId },
  });
  const common = { editor: editor as never, idPrefix: create ? "new-venue" : "venue" };
  const optional = tEditor("optional");
  const { form, outcome } = editor;
  const organisationId = create ? props.organisationId : "";
  const requestKey = create ? props.requestKey : "";

  // After adding one the page comes back with a new request key: the form empties for the next venue.
  useEffect(() => {
    if (create) form.reset({ ...EMPTY_VENUE, organisationId, requestKey } as never);
  }, [create, form, organisationId, requestKey]);

  return (
    <form action={editor.formAction} onSubmit={editor.onSubmit} noValidate className="space-y-4">
      <FormStatus done={outcome?.ok ? (create ? t("added") : tEditor("saved")) : null} refusal={editor.refusal} />
      <input type="hidden" name="locale" value={props.locale} />
      {create ? (
        <>
          <input type="hidden" name="organisationId" value={props.organisationId} />
          <input type="hidden" name="requestKey" value={props.requestKey} />
        </>
      ) : (
        <HiddenField {...common} name="venueId" />
      )}
      <TextField {...common} name="name" label={t("fields.name")} />
      <TextField {...common} name="street" label={t("fields.street")} autoComplete="off" />
      <div className="grid gap-4 sm:grid-cols-[10rem_minmax(0,1fr)]">
        <TextField {...common} name="postalCode" label={t("fields.postalCode")} />
        <TextField {...common} name="city" label={t("fields.city")} />
      </div>
      <TextArea {...common} name="accessibilityNotes" label={t("fields.accessibilityNotes")} hint={t("fields.accessibilityHint")} optionalLabel={optional} rows={4} />
      <TextField {...common} name="website" type="url" label={t("fields.website")} optionalLabel={optional} />
      <SubmitButton pending={editor.pending} label={create ? t("add") : tEditor("save")} pendingLabel={tEditor("pending")} />
    </form>
  );
}
