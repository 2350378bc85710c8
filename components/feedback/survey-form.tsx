"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { inputClass } from "@/components/ui/field";
import type { AnswerState } from "@/lib/feedback/answer";

type Session = { id: string; title: string; when: string };

// The attendee's survey. A plain form: without JavaScript the browser posts it and the page renders again with
// the server's outcome (useActionState's progressive enhancement); with it, the same action without a reload. The
// server's verdict is the only "thank you": nothing turns green before it answered.
export function SurveyForm({
  action,
  ratingQuestion,
  openQuestion,
  sessions,
}: {
  action: (previous: AnswerState | null, form: FormData) => Promise<AnswerState>;
  ratingQuestion: string;
  openQuestion: string;
  sessions: Session[];
}) {
  const t = useTranslations("feedback");
  const [state, formAction, pending] = useActionState(action, null);
  const summary = useRef<HTMLDivElement>(null);
  const errors = state && !state.ok && "fieldErrors" in state ? state.fieldErrors : {};
  const values = state && !state.ok ? (state.values ?? {}) : {};
  const refusal = state && !state.ok && state.reason !== "invalid" ? state.reason : null;
  // A code the messages do not know (a schema's default) reads as "invalid" rather than as its key.
  const error = (name: string) => {
    const code = errors[name];
    if (!code) return undefined;
    return t.has(`validation.${code}`) ? t(`validation.${code}` as "validation.invalid") : t("validation.invalid");
  };
  useEffect(() => {
    if (state && !state.ok) summary.current?.focus();
  }, [state]);

  if (state?.ok) {
    return (
      <p role="status" className="mt-6 rounded-md border-2 border-ok-700 bg-ok-50 p-4 text-lg font-semibold text-ok-700">
        <span aria-hidden>✓ </span>
        {t("form.thanks")}
      </p>
    );
  }
  if (refusal === "answered" || refusal === "closed" || refusal === "notFound") {
    return (
      <p role="alert" className="mt-6 rounded-md border-2 border-bad-700 bg-bad-50 p-4 font-semibold text-bad-700">
        {t(`form.errors.${refusal}`)}
      </p>
    );
  }

  return (
    <form action={formAction} noValidate className="mt-6 space-y-8">
      <div ref={summary} tabIndex={-1} className="outline-none">
        {(refusal || Object.keys(errors).length > 0) && (
          <p role="alert" className="rounded-md border-2 border-bad-700 bg-bad-50 p-3 font-semibold text-bad-700">
            <span aria-hidden>⚠ </span>
            {refusal ? t(`form.errors.${refusal}`) : t("form.errorSummary")}
          </p>
        )}
      </div>
      <RatingGroup name="rating" legend={ratingQuestion} defaultValue={values.rating} error={error("rating")} />
      <TextArea id="remark" name="remark" label={openQuestion} defaultValue={values.remark} error={error("remark")} />
      {sessions.length > 0 && (
        <section aria-labelledby="survey-sessions" className="space-y-6">
          <h2 id="survey-sessions" className="text-xl font-semibold text-petrol-800">
            {t("form.sessionsTitle")}
          </h2>
          {sessions.map((session) => (
            <div key={session.id} className="space-y-4 rounded-lg border border-line bg-white p-4">
              <p className="text-sm text-muted">{session.when}</p>
              <RatingGroup
                name={`sessions.${session.id}.rating`}
                legend={`${t("form.sessionRating", { title: session.title })} ${t("form.optional")}`}
                defaultValue={values[`sessions.${session.id}.rating`]}
                error={error(`sessions.${session.id}.rating`)}
              />
              <TextArea
                id={`remark-${session.id}`}
                name={`sessions.${session.id}.remark`}
                label={t("form.sessionRemark", { title: session.title })}
                defaultValue={values[`sessions.${session.id}.remark`]}
                error={error(`sessions.${session.id}.remark`)}
              />
            </div>
          ))}
        </section>
      )}
      <fieldset className="space-y-3">
        <label className="flex items-start gap-3">
          <input type="checkbox" name="named" defaultChecked={values.named === "on"} className="mt-1 size-5" />
          <span>{t("form.named")}</span>
        </label>
        <label className="flex items-start gap-3">
          <input type="checkbox" name="quoteNamed" defaultChecked={values.quoteNamed === "on"} className="mt-1 size-5" aria-describedby="quote-named-hint" />
          <span>
            {t("form.quoteNamed")}
            <span id="quote-named-hint" className="block text-sm text-muted">
              {t("form.quoteNamedHint")}
            </span>
          </span>
        </label>
      </fieldset>
      <p className="text-sm text-muted">{t("form.once")}</p>
      <button type="submit" disabled={pending} className="min-h-12 rounded-md bg-petrol-800 px-6 font-semibold text-white hover:bg-petrol-900 disabled:opacity-70">
        {pending ? t("form.pending") : t("form.submit")}
      </button>
    </form>
  );
}

function RatingGroup({ name, legend, defaultValue, error }: { name: string; legend: string; defaultValue?: string; error?: string }) {
  const t = useTranslations("feedback.form");
  const id = name.replace(/[^A-Za-z0-9_-]/g, "-");
  return (
    <fieldset aria-describedby={`${id}-scale${error ? ` ${id}-error` : ""}`}>
      <legend className="font-semibold">{legend}</legend>
      <p id={`${id}-scale`} className="text-sm text-muted">
        {t("ratingScale")}
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        {[1, 2, 3, 4, 5].map((value) => (
          <label key={value} className="flex min-h-12 min-w-12 cursor-pointer items-center justify-center gap-2 rounded-md border border-muted bg-white px-3 has-[:checked]:border-2 has-[:checked]:border-petrol-800 has-[:checked]:bg-petrol-50">
            <input type="radio" name={name} value={value} defaultChecked={defaultValue === String(value)} className="size-4" />
            <span aria-hidden>{value}</span>
            <span className="sr-only">{t("ratingOption", { value })}</span>
          </label>
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} className="mt-1 flex items-start gap-1 text-sm font-semibold text-bad-700">
          <span aria-hidden>⚠</span> {error}
        </p>
      )}
    </fieldset>
  );
}

function TextArea({ id, name, label, defaultValue, error }: { id: string; name: string; label: string; defaultValue?: string; error?: string }) {
  const t = useTranslations("feedback.form");
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-semibold">
        {label} <span className="font-normal text-muted">{t("optional")}</span>
      </label>
      <textarea
        id={id}
        name={name}
        rows={4}
        defaultValue={defaultValue}
        className={inputClass}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <p id={`${id}-error`} className="flex items-start gap-1 text-sm font-semibold text-bad-700">
          <span aria-hidden>⚠</span> {error}
        </p>
      )}
    </div>
  );
}
