"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { secondaryButton } from "@/components/dashboard/styles";
import { SelectField, TextArea, TextField } from "@/components/editor/editor-fields";
import { FormStatus, SubmitButton } from "@/components/editor/form-status";
import { useEditorForm } from "@/components/editor/use-editor-form";
import { createSessionAction, updateSessionAction } from "@/lib/programme/actions";
import { createSessionSchema, NEW_ROUND, SESSION_KINDS, SPEAKER_PARTS, updateSessionSchema, type SpeakerPart } from "@/lib/programme/schema";
import { SpeakerPicker, type Chosen, type PickerSpeaker } from "./speaker-picker";

type Option = { value: string; label: string };

type Props = {
  locale: "nl" | "en";
  values: Record<string, string>;
  rooms: Option[];
  rounds: Option[];
  speakers: PickerSpeaker[];
} & ({ mode: "create"; conferenceId: string; requestKey: string } | { mode: "edit"; sessionId: string });

/** The speakers a form shows, from its "speaker.<id>" (position) and "part.<id>" values, in order. */
function chosenOf(valueOf: (name: string) => string, speakers: PickerSpeaker[]): Chosen[] {
  return speakers
    .map((speaker) => ({ speakerId: speaker.id, position: valueOf(`speaker.${speaker.id}`), part: valueOf(`part.${speaker.id}`) }))
    .filter((c) => c.position !== "")
    .sort((a, b) => (Number(a.position) || Number.MAX_SAFE_INTEGER) - (Number(b.position) || Number.MAX_SAFE_INTEGER))
    .map((c) => ({ speakerId: c.speakerId, part: (SPEAKER_PARTS as readonly string[]).includes(c.part) ? (c.part as SpeakerPart) : "SPEAKER" }));
}

// One session: when, where, which round (a new one can be made here) and how many places, and who speaks in which
// part. Refusals that need the database (the room is taken, the speaker is elsewhere) come back from the server
// onto their field. A new session's form keeps its kind, room, round and places for the next one, and moves on to
// the next time slot (issue 14, item 10); with or without JavaScript, nothing reloads the page.
export function SessionForm(props: Props) {
  const t = useTranslations("conferenceEditor.programme");
  const tEditor = useTranslations("editor");
  const create = props.mode === "create";
  const ids: Record<string, string> = create ? { conferenceId: props.conferenceId, requestKey: props.requestKey } : { sessionId: props.sessionId };
  const editor = useEditorForm({
    schema: create ? createSessionSchema : updateSessionSchema,
    action: (create ? createSessionAction : updateSessionAction) as typeof updateSessionAction,
    defaults: { ...props.values, ...ids },
    // After a session is added: what the server says the next one starts from.
    keep: create ? (data) => (data as { next?: Record<string, string> }).next : undefined,
  });
  const added = editor.kept;
  const idPrefix = create ? "new-session" : `session-${props.mode === "edit" ? props.sessionId : ""}`;
  const common = { editor: editor as never, idPrefix };
  const optional = tEditor("optional");
  const { form } = editor;
  const requestKey = create ? props.requestKey : "";
  const [chosen, setChosen] = useState<Chosen[]>(() => chosenOf(editor.valueOf, props.speakers));
  const formRef = useRef<HTMLFormElement>(null);
  // The chosen speakers are cleared for the next session while rendering (React's way to reset state on a change).
  const [keyShown, setKeyShown] = useState(requestKey);
  if (keyShown !== requestKey) {
    setKeyShown(requestKey);
    if (create && added) setChosen([]);
  }

  useEffect(() => {
    if (!create || !added) return;
    // A new request key came with the page after a session was added: the form empties for the next one, keeps
    // its kind, room, round and places, and the cursor goes back to the title.
    form.reset({ ...props.values, ...added, ...ids } as never);
    formRef.current?.querySelector<HTMLInputElement>(`#${idPrefix}-title`)?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [requestKey]);

  return (
    <form ref={formRef} action={editor.formAction} onSubmit={editor.onSubmit} noValidate className="space-y-4">
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
      {/* "New round…" shows the field for its name: CSS alone (:has), so it works without JavaScript too. */}
      <div className="grid gap-4 sm:grid-cols-2 [&:has(option[value=new]:checked)_.new-round]:block">
        <SelectField
          {...common}
          name="workshopRoundId"
          label={t("fields.round")}
          options={[{ value: "", label: t("fields.roundNone") }, ...props.rounds, ...(create ? [{ value: NEW_ROUND, label: t("fields.roundNew") }] : [])]}
        />
        <TextField {...common} name="capacity" inputMode="numeric" label={t("fields.capacity")} hint={t("fields.capacityHint")} optionalLabel={optional} />
        {create && (
          <div className={`new-round sm:col-span-2 ${editor.errorOf("newRoundTitle") ? "block" : "hidden"}`}>
            <TextField editor={editor as never} idPrefix={idPrefix} name="newRoundTitle" label={t("fields.newRoundTitle")} hint={t("fields.newRoundHint")} />
          </div>
        )}
      </div>
      <TextArea {...common} name="description" label={t("fields.description")} optionalLabel={optional} rows={3} />
      <SpeakerPicker idPrefix={idPrefix} speakers={props.speakers} chosen={chosen} onChange={setChosen} errorOf={editor.errorOf} />
      <SubmitButton
        pending={editor.pending}
        label={create ? t("addSessionSubmit") : tEditor("save")}
        pendingLabel={tEditor("pending")}
        className={create ? undefined : secondaryButton}
      />
    </form>
  );
}
