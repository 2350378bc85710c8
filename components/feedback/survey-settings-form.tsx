"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/dashboard/form-message";
import { primaryButton } from "@/components/dashboard/styles";
import { Field, describedBy, inputClass } from "@/components/ui/field";
import { saveSurveyAction } from "@/lib/feedback/actions";

export type SurveySettingsValues = {
  enabled: boolean;
  askSessions: boolean;
  ratingQuestionNl: string;
  ratingQuestionEn: string;
  openQuestionNl: string;
  openQuestionEn: string;
  sendAt: string;
  closesAt: string;
};

// The organiser's survey settings. A plain form (works without JavaScript); the server's schema decides, and its
// field errors show beside each field. "Saved" only after the server said so.
export function SurveySettingsForm({
  conferenceId,
  locale,
  values: saved,
  defaults,
}: {
  conferenceId: string;
  locale: "nl" | "en";
  values: SurveySettingsValues;
  defaults: { ratingQuestion: { nl: string; en: string }; openQuestion: { nl: string; en: string } };
}) {
  const t = useTranslations("feedback");
  const [outcome, action, pending] = useActionState(saveSurveyAction, null);
  const sent = outcome && !outcome.ok ? outcome.values : null;
  const errors = outcome && !outcome.ok && "fieldErrors" in outcome ? outcome.fieldErrors : {};
  const error = (name: string) => {
    const code = errors[name];
    if (!code) return undefined;
    return t.has(`validation.${code}`) ? t(`validation.${code}` as "validation.invalid") : t("validation.invalid");
  };
  const text = (name: keyof SurveySettingsValues) => (sent ? (sent[name] ?? "") : String(saved[name]));
  const checked = (name: "enabled" | "askSessions") => (sent ? sent[name] === "on" : saved[name]);
  const refusal = outcome && !outcome.ok && outcome.reason !== "invalid" ? t(`admin.errors.${outcome.reason}` as "admin.errors.unexpected") : null;
  const key = outcome ? JSON.stringify(outcome.ok ? "saved" : outcome.values) : "initial";
  const question = (name: "ratingQuestionNl" | "ratingQuestionEn" | "openQuestionNl" | "openQuestionEn", fallback: string) => {
    const id = `survey-${name}`;
    const hint = t("admin.defaultHint", { text: fallback });
    return (
      <Field id={id} label={t(`admin.${name}`)} hint={hint} error={error(name)}>
        <input id={id} name={name} defaultValue={text(name)} className={inputClass} aria-invalid={error(name) ? true : undefined} aria-describedby={describedBy(id, hint, error(name))} />
      </Field>
    );
  };
  const moment = (name: "sendAt" | "closesAt") => {
    const id = `survey-${name}`;
    return (
      <Field id={id} label={t(`admin.${name}`)} error={error(name)}>
        <input id={id} name={name} type="datetime-local" defaultValue={text(name)} className={inputClass} aria-invalid={error(name) ? true : undefined} aria-describedby={describedBy(id, undefined, error(name))} />
      </Field>
    );
  };
  return (
    <form key={key} action={action} noValidate className="space-y-4">
      <input type="hidden" name="conferenceId" value={conferenceId} />
      <input type="hidden" name="locale" value={locale} />
      {refusal && <FormMessage kind="error">{refusal}</FormMessage>}
      {outcome && !outcome.ok && outcome.reason === "invalid" && <FormMessage kind="error">{t("admin.errors.invalid")}</FormMessage>}
      {outcome?.ok && <FormMessage kind="ok">{t("admin.saved")}</FormMessage>}
      <label className="flex items-start gap-3 font-semibold">
        <input type="checkbox" name="enabled" defaultChecked={checked("enabled")} className="mt-1 size-5" />
        {t("admin.enabled")}
      </label>
      {question("ratingQuestionNl", defaults.ratingQuestion.nl)}
      {question("ratingQuestionEn", defaults.ratingQuestion.en)}
      {question("openQuestionNl", defaults.openQuestion.nl)}
      {question("openQuestionEn", defaults.openQuestion.en)}
      <label className="flex items-start gap-3">
        <input type="checkbox" name="askSessions" defaultChecked={checked("askSessions")} className="mt-1 size-5" />
        {t("admin.askSessions")}
      </label>
      <div className="grid gap-4 sm:grid-cols-2">
        {moment("sendAt")}
        {moment("closesAt")}
      </div>
      <button type="submit" disabled={pending} className={primaryButton}>
        {t("admin.save")}
      </button>
    </form>
  );
}
