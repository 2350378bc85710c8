"use client";

import { useEffect } from "react";
import { useTranslations } from "next-intl";
import { secondaryButton } from "@/components/dashboard/styles";
import { SelectField, TextArea, TextField } from "@/components/editor/editor-fields";
import { FormStatus, SubmitButton } from "@/components/editor/form-status";
import { useEditorForm } from "@/components/editor/use-editor-form";
import { createQuestionAction, updateQuestionAction } from "@/lib/questions/actions";
import { createQuestionSchema, updateQuestionSchema } from "@/lib/questions/editor-schema";
import { QUESTION_TYPES } from "@/lib/questions/question";

type Option = { value: string; label: string };

type Props = {
  locale: "nl" | "en";
  values: Record<string, string>;
  /** "" (always) and the earlier questions' answers this question can wait for. */
  conditions: Option[];
} & ({ mode: "create"; conferenceId: string; requestKey: string } | { mode: "edit"; questionId: string });

// A question of the sign-up form: its kind, its words in Dutch and English, its choices, and when it shows.
// Plain fields, so it works without JavaScript; the schema is the server's (lib/questions/editor-schema.ts).
export function QuestionForm(props: Props) {
  const t = useTranslations("conferenceEditor.questions");
  const tEditor = useTranslations("editor");
  const create = props.mode === "create";
  const ids: Record<string, string> = create ? { conferenceId: props.conferenceId, requestKey: props.requestKey } : { questionId: props.questionId };
  const editor = useEditorForm({
    schema: create ? createQuestionSchema : updateQuestionSchema,
    action: (create ? createQuestionAction : updateQuestionAction) as typeof updateQuestionAction,
    defaults: { ...props.values, ...ids },
  });
  const { form } = editor;
  const requestKey = create ? props.requestKey : "";
  const idPrefix = create ? "new-question" : `question-${ids.questionId}`;

  useEffect(() => {
    if (create) form.reset({ ...props.values, ...ids } as never);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [requestKey]);

  const requiredError = editor.errorOf("required");
  return (
    <form action={editor.formAction} onSubmit={editor.onSubmit} noValidate className="space-y-4">
      <FormStatus done={editor.outcome?.ok ? (create ? t("added") : t("saved")) : null} refusal={editor.refusal} />
      <input type="hidden" name="locale" value={props.locale} />
      {Object.entries(ids).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SelectField
        editor={editor as never}
        idPrefix={idPrefix}
        name="type"
        label={t("fields.type")}
        options={QUESTION_TYPES.map((type) => ({ value: type, label: t(`types.${type}`) }))}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField editor={editor as never} idPrefix={idPrefix} name="labelNl" label={t("fields.labelNl")} />
        <TextField editor={editor as never} idPrefix={idPrefix} name="labelEn" label={t("fields.labelEn")} />
        <TextArea editor={editor as never} idPrefix={idPrefix} name="helpNl" label={t("fields.helpNl")} optionalLabel={tEditor("optional")} rows={2} />
        <TextArea editor={editor as never} idPrefix={idPrefix} name="helpEn" label={t("fields.helpEn")} optionalLabel={tEditor("optional")} rows={2} />
      </div>
      <TextArea editor={editor as never} idPrefix={idPrefix} name="options" label={t("fields.options")} hint={t("fields.optionsHint")} rows={4} />
      <SelectField
        editor={editor as never}
        idPrefix={idPrefix}
        name="condition"
        label={t("fields.condition")}
        hint={t("fields.conditionHint")}
        options={props.conditions}
      />
      <div>
        <label className="flex items-center gap-3 font-semibold">
          <input
            id={`${idPrefix}-required`}
            type="checkbox"
            defaultChecked={editor.valueOf("required") === "on"}
            className="h-5 w-5 accent-petrol-700"
            {...form.register("required")}
            value="on"
          />
          {t("fields.required")}
        </label>
        {requiredError && <p className="mt-1 text-sm font-semibold text-bad-700">{requiredError}</p>}
      </div>
      <SubmitButton pending={editor.pending} label={create ? t("add") : t("save")} pendingLabel={tEditor("pending")} className={create ? undefined : secondaryButton} />
    </form>
  );
}
