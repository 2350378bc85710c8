"use client";
// The attendee's answers to the conference's own questions on the manage page, changed until the sign-up
// closes: the sign-up form's fields (./question-fields.tsx), kept as typed after a refusal, with and without
// JavaScript.
import { useActionState, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { updateAnswersAction, type AnswersFormState } from "@/lib/registrations/manage-actions";
import { answersFromFormData, visibleQuestionIds, type Question } from "@/lib/questions/question";
import { QuestionFields } from "./question-fields";

type Props = { token: string; locale: "nl" | "en"; questions: Question[]; values: Record<string, unknown> };

const noSubscription = () => () => undefined;

export function AnswersForm({ token, locale, questions, values }: Props) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<AnswersFormState, FormData>(updateAnswersAction, { status: "idle" });
  const errorRef = useRef<HTMLParagraphElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const shown = state.status === "error" ? state.values : values;
  const scripted = useSyncExternalStore(noSubscription, () => true, () => false);
  const [changed, setChanged] = useState<{ after: AnswersFormState; answers: Record<string, unknown> } | null>(null);
  // Without a script every question shows; with one, those whose condition is met by what the form holds now.
  const answersNow = !scripted ? null : changed?.after === state ? changed.answers : shown;
  useEffect(() => {
    if (state.status === "error") errorRef.current?.focus();
  }, [state]);
  const errors = Object.fromEntries(
    questions.map((q) => {
      const key = state.status === "error" ? state.fieldErrors[q.id] : undefined;
      return [q.id, key ? t(key as "validation.invalid") : undefined];
    }),
  );

  return (
    <form
      ref={formRef}
      action={action}
      noValidate
      className="mt-4 space-y-4"
      onChange={() => formRef.current && setChanged({ after: state, answers: answersFromFormData(new FormData(formRef.current)) })}
    >
      <input type="hidden" name="token" value={token} />
      {state.status === "error" && (
        <p ref={errorRef} tabIndex={-1} autoFocus role="alert" className="rounded-md border-2 border-bad-700 bg-bad-50 p-3 font-semibold text-bad-700">
          <span aria-hidden>⚠ </span>
          {t((state.formError ?? "manage.answersFix") as "manage.answersFix")}
        </p>
      )}
      <QuestionFields
        key={state.status}
        questions={questions}
        locale={locale}
        values={shown}
        errors={errors}
        visible={answersNow ? visibleQuestionIds(questions, answersNow as never) : null}
        words={{
          optional: t("registration.optional"),
          yes: t("registration.questions.yes"),
          no: t("registration.questions.no"),
          onlyWhen: (question, answer) => t("registration.questions.onlyWhen", { question, answer }),
        }}
      />
      <button type="submit" disabled={pending} className="min-h-12 rounded-md bg-petrol-800 px-5 font-semibold text-white hover:bg-petrol-900 disabled:opacity-70">
        {pending ? t("manage.saving") : t("manage.saveAnswers")}
      </button>
    </form>
  );
}
