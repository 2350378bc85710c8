"use client";
// The conference's own questions on the sign-up form and the manage page (issue 16): plain inputs named
// "answers.<questionId>", read from the posted form by lib/questions/schema.ts, so they work without
// JavaScript. Without JavaScript every question shows, a conditional one saying when it applies (the server
// ignores an answer to a question whose condition is not met); with JavaScript it shows only when it applies.
import { Field, describedBy, inputClass } from "@/components/ui/field";
import { contentLang } from "@/lib/site/content-lang";
import type { Question } from "@/lib/questions/question";

type Words = { optional: string; yes: string; no: string; onlyWhen: (question: string, answer: string) => string };

type Props = {
  questions: Question[];
  locale: "nl" | "en";
  /** questionId -> what was posted or stored (a string, or the ticked options). */
  values: Record<string, unknown>;
  /** questionId -> the message to show. */
  errors: Record<string, string | undefined>;
  /** The questions shown; null: all of them (before the script runs, or without it). */
  visible: Set<string> | null;
  words: Words;
};

const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : value === undefined || value === null ? [] : [String(value)]);
const asText = (value: unknown): string => (typeof value === "boolean" ? (value ? "yes" : "no") : value === undefined || value === null ? "" : String(value));

export function QuestionFields({ questions, locale, values, errors, visible, words }: Props) {
  const answerLabel = (question: Question, value: string) =>
    question.type === "YES_NO" ? (value === "yes" ? words.yes : words.no) : (question.options.find((o) => o.id === value)?.[locale] ?? value);
  return (
    <>
      {questions.map((question) => {
        if (visible && !visible.has(question.id)) return null;
        const id = `question-${question.id}`;
        const name = `answers.${question.id}`;
        const error = errors[question.id];
        const condition = question.condition;
        const parent = condition ? questions.find((q) => q.id === condition.questionId) : undefined;
        const help = [
          question.help?.[locale],
          !visible && condition && parent ? words.onlyWhen(parent.label[locale], answerLabel(parent, condition.value)) : undefined,
        ]
          .filter(Boolean)
          .join(" ");
        const hint = help || undefined;
        const optionalLabel = question.required ? undefined : words.optional;
        const value = values[question.id];
        const lang = contentLang(locale);

        if (question.type === "SINGLE_CHOICE" || question.type === "MULTIPLE_CHOICE" || question.type === "YES_NO") {
          const choices =
            question.type === "YES_NO"
              ? [
                  { id: "yes", label: words.yes },
                  { id: "no", label: words.no },
                ]
              : question.options.map((o) => ({ id: o.id, label: o[locale] }));
          const chosen = asList(question.type === "YES_NO" ? asText(value) : value);
          const many = question.type === "MULTIPLE_CHOICE";
          return (
            <fieldset
              key={question.id}
              id={id}
              tabIndex={-1}
              aria-describedby={describedBy(id, hint, error)}
              className="space-y-1 focus:outline-none focus-visible:ring-4 focus-visible:ring-accent-600"
            >
              <legend className="font-semibold" lang={lang}>
                {question.label[locale]}
                {optionalLabel && <span className="font-normal text-muted"> ({optionalLabel})</span>}
              </legend>
              {hint && (
                <p id={`${id}-hint`} className="text-sm text-muted" lang={lang}>
                  {hint}
                </p>
              )}
              {choices.map((choice) => (
                <label key={choice.id} className="flex min-h-12 cursor-pointer items-center gap-3 rounded-md p-2 hover:bg-petrol-50" lang={lang}>
                  <input
                    type={many ? "checkbox" : "radio"}
                    name={name}
                    value={choice.id}
                    defaultChecked={chosen.includes(choice.id)}
                    className="h-5 w-5 shrink-0 accent-petrol-700"
                  />
                  <span>{choice.label}</span>
                </label>
              ))}
              {error && (
                <p id={`${id}-error`} className="flex items-start gap-1 text-sm font-semibold text-bad-700">
                  <span aria-hidden>⚠</span> {error}
                </p>
              )}
            </fieldset>
          );
        }

        const common = {
          id,
          name,
          defaultValue: asText(value),
          "aria-invalid": error ? true : undefined,
          "aria-describedby": describedBy(id, hint, error),
          className: inputClass,
        } as const;
        return (
          <div key={question.id} lang={lang}>
            <Field id={id} label={question.label[locale]} hint={hint} error={error} optionalLabel={optionalLabel}>
              {question.type === "LONG_TEXT" ? (
                <textarea rows={3} {...common} />
              ) : question.type === "DATE" ? (
                <input type="date" {...common} />
              ) : question.type === "NUMBER" ? (
                <input type="text" inputMode="decimal" autoComplete="off" {...common} />
              ) : (
                <input type="text" autoComplete="off" {...common} />
              )}
            </Field>
          </div>
        );
      })}
    </>
  );
}
