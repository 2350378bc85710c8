"use client";

import { useRef } from "react";
import { useWatch } from "react-hook-form";
import { useTranslations } from "next-intl";
import { Field, describedBy, inputClass } from "@/components/ui/field";
import { FieldGroup, HiddenField, SelectField, TextArea, TextField } from "@/components/editor/editor-fields";
import { FormStatus, SubmitButton } from "@/components/editor/form-status";
import { useNoScriptUpload } from "@/components/editor/no-script-upload";
import { useEditorForm } from "@/components/editor/use-editor-form";
import { createConferenceAction, updateConferenceAction } from "@/lib/conferences/actions";
import { asksAboutPastStart, createConferenceSchema, updateConferenceSchema } from "@/lib/conferences/schema";
import { slugify } from "@/lib/text";
import { CoverPicker, type CoverPhoto } from "./cover-picker";
import { ACCEPTED_IMAGE_TYPES, MAX_UPLOAD_MEGABYTES } from "@/lib/uploads/limits";

export type ConferenceFormValues = {
  title: string;
  subtitle: string;
  slug: string;
  description: string;
  venueId: string;
  coverPhotoId: string;
  startsAt: string;
  endsAt: string;
  capacity: string;
  registrationOpensAt: string;
  registrationClosesAt: string;
  coverAlt: string;
  /** The start as saved (edit): a start in the past is asked about only when it is new. */
  savedStartsAt: string;
};

type Option = { value: string; label: string };

type Props = {
  locale: "nl" | "en";
  values: ConferenceFormValues;
  venues: Option[];
  photos: CoverPhoto[];
} & ({ mode: "create"; organisationId: string; requestKey: string } | { mode: "edit"; conferenceId: string });

// Creating and editing share one form: the same fields, the same rules, one schema each on both sides.
export function ConferenceForm(props: Props) {
  const t = useTranslations("conferenceEditor");
  const tEditor = useTranslations("editor");
  const create = props.mode === "create";
  const editor = useEditorForm({
    schema: create ? createConferenceSchema : updateConferenceSchema,
    action: (create ? createConferenceAction : updateConferenceAction) as typeof updateConferenceAction,
    defaults: create
      ? { ...props.values, organisationId: props.organisationId, requestKey: props.requestKey }
      : { ...props.values, conferenceId: props.conferenceId },
  });
  const data = editor.outcome?.ok ? (editor.outcome.data as { promoted?: number }) : null;
  const done = data ? (data.promoted ? t("form.savedPromoted", { count: data.promoted }) : t("form.saved")) : null;
  const common = { editor: editor as never, idPrefix: "conference" };
  const optional = tEditor("optional");
  const coverHint = t("form.coverUploadHint", { megabytes: MAX_UPLOAD_MEGABYTES });
  const coverError = editor.errorOf("coverUpload");
  // Without JavaScript the form and its cover go through /api/uploads/form first.
  const noScript = useNoScriptUpload(props.locale);
  const { form } = editor;

  // The web address follows the title while a new conference is made, until the organiser types one of their own
  // (issue 14, item 10). Without JavaScript an empty address is made from the title by the server.
  const slugTyped = useRef(create && editor.valueOf("slug") !== "");
  const titleField = form.register("title");
  const slugField = form.register("slug");
  const followTitle = (event: React.ChangeEvent<HTMLInputElement>) => {
    void titleField.onChange(event);
    if (create && !slugTyped.current) form.setValue("slug", slugify(event.target.value), { shouldValidate: form.formState.isSubmitted });
  };
  const typeSlug = (event: React.ChangeEvent<HTMLInputElement>) => {
    slugTyped.current = event.target.value !== "";
    void slugField.onChange(event);
  };

  // A start in the past is asked about (it is easily a typo in the year): the box appears as soon as such a date
  // is typed, and without JavaScript once the server has asked.
  const startsAt = useWatch({ control: form.control, name: "startsAt" }) ?? editor.valueOf("startsAt");
  const pastError = editor.errorOf("startsAt") === tEditor("validation.startsInPast");
  const askPast = asksAboutPastStart(startsAt, editor.valueOf("savedStartsAt")) || pastError;

  return (
    <form action={editor.formAction} onSubmit={editor.onSubmit} noValidate className="space-y-6">
      <FormStatus done={done} refusal={editor.refusal} />
      <input type="hidden" name="locale" value={props.locale} />
      {noScript.returnField}
      {create ? (
        <>
          <HiddenField {...common} name="organisationId" />
          <HiddenField {...common} name="requestKey" />
        </>
      ) : (
        <HiddenField {...common} name="conferenceId" />
      )}

      <FieldGroup legend={t("form.about")}>
        <TextField {...common} name="title" label={t("form.title")} onChange={followTitle} />
        <TextField {...common} name="subtitle" label={t("form.subtitle")} optionalLabel={optional} />
        <TextField {...common} name="slug" label={t("form.slug")} hint={create ? t("form.slugHintNew") : t("form.slugHint")} onChange={typeSlug} />
        <TextArea {...common} name="description" label={t("form.description")} hint={t("form.descriptionHint")} optionalLabel={optional} rows={6} />
      </FieldGroup>

      <FieldGroup legend={t("form.whenWhere")}>
        <p className="text-sm text-muted">{t("form.timesHint")}</p>
        <HiddenField {...common} name="savedStartsAt" />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField {...common} name="startsAt" type="datetime-local" label={t("form.startsAt")} />
          <TextField {...common} name="endsAt" type="datetime-local" label={t("form.endsAt")} />
        </div>
        {askPast && (
          <label className="flex min-h-12 items-start gap-3 rounded-md border-2 border-warn-800 bg-warn-50 p-3">
            <input type="checkbox" defaultChecked={editor.valueOf("confirmPast") === "on"} className="mt-1 size-5 shrink-0 accent-petrol-800" {...form.register("confirmPast")} />
            <span>
              <span className="block font-semibold">{t("form.confirmPast")}</span>
              <span className="block text-sm">{t("form.confirmPastHint")}</span>
            </span>
          </label>
        )}
        <SelectField
          {...common}
          name="venueId"
          label={t("form.venue")}
          hint={props.venues.length === 0 ? t("form.venueNone") : undefined}
          options={[{ value: "", label: t("form.venueLater") }, ...props.venues]}
        />
        <CoverPicker photos={props.photos} selected={editor.valueOf("coverPhotoId")} register={form.register("coverPhotoId")} error={editor.errorOf("coverPhotoId")} optionalLabel={optional} />
        <Field id="conference-coverUpload" label={t("form.coverUpload")} hint={coverHint} error={coverError} optionalLabel={optional}>
          <input
            id="conference-coverUpload"
            type="file"
            accept={ACCEPTED_IMAGE_TYPES}
            aria-invalid={coverError ? true : undefined}
            aria-describedby={describedBy("conference-coverUpload", coverHint, coverError)}
            className={`${inputClass} file:mr-3 file:rounded file:border-0 file:bg-petrol-50 file:px-3 file:py-1 file:font-semibold file:text-petrol-800`}
            {...form.register("coverUpload")}
          />
        </Field>
        <TextField {...common} name="coverAlt" label={t("form.coverAlt")} hint={t("form.coverAltHint")} optionalLabel={optional} />
      </FieldGroup>

      <FieldGroup legend={t("form.registration")}>
        <TextField {...common} name="capacity" inputMode="numeric" label={t("form.capacity")} hint={t("form.capacityHint")} className="max-w-xs" />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField {...common} name="registrationOpensAt" type="datetime-local" label={t("form.opensAt")} hint={t("form.opensHint")} optionalLabel={optional} />
          <TextField {...common} name="registrationClosesAt" type="datetime-local" label={t("form.closesAt")} hint={t("form.closesHint")} optionalLabel={optional} />
        </div>
      </FieldGroup>

      <SubmitButton pending={editor.pending} label={create ? t("form.create") : t("form.save")} pendingLabel={tEditor("pending")} formAction={noScript.formAction} />
    </form>
  );
}
