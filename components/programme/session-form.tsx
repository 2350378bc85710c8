"use client";

import { useEffect } from "react";
import { useTranslations } from "next-intl";
import { secondaryButton } from "@/components/dashboard/styles";
import { FieldGroup, SelectField, TextArea, TextField } from "@/components/editor/editor-fields";
import { FormStatus, SubmitButton } from "@/components/editor/form-status";
import { useEditorForm } from "@/components/editor/use-editor-form";
import { createSessionAction, updateSessionAction } from "@/lib/programme/actions";
import { createSessionSchema, SESSION_KINDS, SPEAKER_PARTS, SPEAKER_SLOTS, updateSessionSchema } from "@/lib/programme/schema";

type Option = { value: string; label: string };

type Props = {
  locale: "nl" | "en";
  values: Record<string, string>;
  rooms: Option[];
  rounds: Option[];
  speakers: Option[];
} & ({ mode: "create"; conferenceId: string; requestKey: string } | { mode: "edit"; sessionId: string });

// One session: when, where, which round and how many places, and who speaks in which part. Refusals that need
// the database (the room is taken, the speaker is elsewhere) come back from the server onto their field.
export function SessionForm(props: Props) {
  const t = useTranslations("conferenceEditor.programme");
  const tEditor = useTranslations("editor");
  const create = props.mode === "create";
  const ids: Record<string, string> = create ? { conferenceId: props.conferenceId, requestKey: props.requestKey } : { sessionId: props.sessionId };
  const editor = useEditorForm({
    schema: create ? createSessionSchema : updateSessionSchema,
    action: (create ? createSessionAction : updateSessionAction) as typeof updateSessionAction,
    defaults: { ...props.values, ...ids },
  });
  const idPrefix = create ? "new-session" : `session-${props.mode === "edit" ? props.sessionId : ""}`;
  const common = { editor: editor as never, idPrefix };
  const optional = tEditor("optional");
  const { form } = editor;
  const requestKey = create ? props.requestKey : "";
  const resetValues = create ? props.values : null;

  useEffect(() => {
    if (resetValues) form.reset({ ...resetValues, ...ids } as never);
    // The request key changes after each session added: then the form empties for the next one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [requestKey]);

  return (
    <form action={editor.formAction} onSubmit={editor.onSubmit} noValidate className="space-y-4">
      <FormStatus done={editor.outcome?.ok ? (create ? t("sessionAdded") : t("sessionSaved")) : null} refusal={editor.refusal} />
      <input type="hidden" name="locale" value={props.locale} />
      {Object.entries(ids).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <TextField {...common} name="title" label={t("fields.title")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField {...common} name="kind" label={t("fields.kind")} options={SESSION_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))} />
        <SelectField {...common} name="roomId" label={t("fields.room")} options={[{ value: "", label: t("fields.roomNone") }, ...props.rooms]} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField {...common} name="startsAt" type="datetime-local" label={t("fields.startsAt")} />
        <TextField {...common} name="endsAt" type="datetime-local" label={t("fields.endsAt")} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField {...common} name="workshopRoundId" label={t("fields.round")} options={[{ value: "", label: t("fields.roundNone") }, ...props.rounds]} />
        <TextField {...common} name="capacity" inputMode="numeric" label={t("fields.capacity")} hint={t("fields.capacityHint")} optionalLabel={optional} />
      </div>
      <TextArea {...common} name="description" label={t("fields.description")} optionalLabel={optional} rows={3} />
      <FieldGroup legend={t("fields.speakers")}>
        <p className="text-sm text-muted">{t("fields.speakersHint")}</p>
        {SPEAKER_SLOTS.map((slot) => (
          <div key={slot} className="grid gap-3 sm:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
            <SelectField
              {...common}
              name={`speaker${slot}`}
              label={t("fields.speaker", { n: slot })}
              options={[{ value: "", label: t("fields.speakerNone") }, ...props.speakers]}
            />
            <SelectField
              {...common}
              name={`part${slot}`}
              label={t("fields.part", { n: slot })}
              options={SPEAKER_PARTS.map((part) => ({ value: part, label: t(`parts.${part}`) }))}
            />
          </div>
        ))}
      </FieldGroup>
      <SubmitButton
        pending={editor.pending}
        label={create ? t("addSessionSubmit") : tEditor("save")}
        pendingLabel={tEditor("pending")}
        className={create ? undefined : secondaryButton}
      />
    </form>
  );
}
