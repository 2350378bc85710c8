"use client";

import { useEffect } from "react";
import { useTranslations } from "next-intl";
import { secondaryButton } from "@/components/dashboard/styles";
import { TextField } from "@/components/editor/editor-fields";
import { FormStatus, SubmitButton } from "@/components/editor/form-status";
import { useEditorForm } from "@/components/editor/use-editor-form";
import { createRoomAction, updateRoomAction } from "@/lib/venues/actions";
import { createRoomSchema, updateRoomSchema } from "@/lib/venues/schema";

type Props = { locale: "nl" | "en"; values: { name: string; capacity: string } } & (
  | { mode: "create"; venueId: string; requestKey: string }
  | { mode: "edit"; roomId: string }
);

// One row per room: name and capacity side by side, saved on their own.
export function RoomForm(props: Props) {
  const t = useTranslations("venues");
  const tEditor = useTranslations("editor");
  const create = props.mode === "create";
  const ids: Record<string, string> = create ? { venueId: props.venueId, requestKey: props.requestKey } : { roomId: props.roomId };
  const editor = useEditorForm({
    schema: create ? createRoomSchema : updateRoomSchema,
    action: (create ? createRoomAction : updateRoomAction) as typeof updateRoomAction,
    defaults: { ...props.values, ...ids },
  });
  const common = { editor: editor as never, idPrefix: create ? "new-room" : `room-${props.mode === "edit" ? props.roomId : ""}` };
  const { form } = editor;
  const requestKey = create ? props.requestKey : "";
  const venueId = create ? props.venueId : "";

  useEffect(() => {
    if (create) form.reset({ name: "", capacity: "", venueId, requestKey } as never);
  }, [create, form, venueId, requestKey]);

  return (
    <form action={editor.formAction} onSubmit={editor.onSubmit} noValidate className="space-y-2">
      <FormStatus done={editor.outcome?.ok ? (create ? t("roomAdded") : tEditor("saved")) : null} refusal={editor.refusal} />
      <input type="hidden" name="locale" value={props.locale} />
      {Object.entries(ids).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="grid items-end gap-3 sm:grid-cols-[minmax(0,1fr)_9rem_auto]">
        <TextField {...common} name="name" label={t("fields.roomName")} />
        <TextField {...common} name="capacity" inputMode="numeric" label={t("fields.roomCapacity")} />
        <SubmitButton
          pending={editor.pending}
          label={create ? t("addRoom") : tEditor("save")}
          pendingLabel={tEditor("pending")}
          className={create ? undefined : secondaryButton}
        />
      </div>
    </form>
  );
}
