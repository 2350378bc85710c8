"use client";

import { useEffect } from "react";
import { useTranslations } from "next-intl";
import { secondaryButton } from "@/components/dashboard/styles";
import { TextField } from "@/components/editor/editor-fields";
import { FormStatus, SubmitButton } from "@/components/editor/form-status";
import { useEditorForm } from "@/components/editor/use-editor-form";
import { createRoundAction, updateRoundAction } from "@/lib/programme/actions";
import { createRoundSchema, updateRoundSchema } from "@/lib/programme/schema";

type Props = { locale: "nl" | "en"; title: string } & (
  | { mode: "create"; conferenceId: string; requestKey: string }
  | { mode: "edit"; roundId: string }
);

export function RoundForm(props: Props) {
  const t = useTranslations("conferenceEditor.programme");
  const tEditor = useTranslations("editor");
  const create = props.mode === "create";
  const ids: Record<string, string> = create ? { conferenceId: props.conferenceId, requestKey: props.requestKey } : { roundId: props.roundId };
  const editor = useEditorForm({
    schema: create ? createRoundSchema : updateRoundSchema,
    action: (create ? createRoundAction : updateRoundAction) as typeof updateRoundAction,
    defaults: { title: props.title, ...ids },
  });
  const { form } = editor;
  const requestKey = create ? props.requestKey : "";

  useEffect(() => {
    if (create) form.reset({ title: "", ...ids } as never);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [requestKey]);

  return (
    <form action={editor.formAction} onSubmit={editor.onSubmit} noValidate className="space-y-2">
      <FormStatus done={editor.outcome?.ok ? (create ? t("roundAdded") : t("roundSaved")) : null} refusal={editor.refusal} />
      <input type="hidden" name="locale" value={props.locale} />
      {Object.entries(ids).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="grid items-end gap-3 sm:grid-cols-[minmax(0,1fr)_auto]">
        <TextField editor={editor as never} idPrefix={create ? "new-round" : `round-${ids.roundId}`} name="title" label={t("roundTitle")} />
        <SubmitButton
          pending={editor.pending}
          label={create ? t("addRound") : t("renameRound")}
          pendingLabel={tEditor("pending")}
          className={create ? undefined : secondaryButton}
        />
      </div>
    </form>
  );
}
