"use client";
// The organiser's certificate settings: on or off, the conference's codes per register, and per session its
// accredited hours and codes. Plain fields in one form, so it works without JavaScript; the server's schema
// (lib/certificates/schema.ts) decides, and a refusal stays on its field until it is dealt with.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/dashboard/form-message";
import { primaryButton } from "@/components/dashboard/styles";
import { describedBy, inputClass } from "@/components/ui/field";
import { saveCertificateSettingsAction } from "@/lib/certificates/actions";
import { REGISTERS, REGISTER_NAMES, REGISTER_SHORT, type Register } from "@/lib/certificates/registers";
import { settingsField } from "@/lib/certificates/schema";

type Codes = Partial<Record<Register, string>>;
type Session = { id: string; title: string; when: string; hours: string; codes: Codes };

export function CertificateSettingsForm(props: { conferenceId: string; locale: "nl" | "en"; enabled: boolean; conferenceCodes: Codes; sessions: Session[] }) {
  const t = useTranslations("certificates");
  const [outcome, action, pending] = useActionState(saveCertificateSettingsAction, null);
  const values = outcome && !outcome.ok ? outcome.values : undefined;
  const errors = outcome && !outcome.ok && "fieldErrors" in outcome ? outcome.fieldErrors : {};
  const error = (name: string) => (errors[name] ? t(`validation.${errors[name]}` as "validation.invalid") : undefined);
  const kept = (name: string, stored: string) => (values ? (values[name] ?? "") : stored);
  const key = outcome ? JSON.stringify(outcome.ok ? outcome.data : outcome.values) : "stored";
  const invalid = outcome && !outcome.ok && outcome.reason === "invalid";

  // `context`: said to screen readers after the label (the session's title), not shown in every column.
  const input = (name: string, label: string, stored: string, context?: string) => {
    const id = `cert-${name.replace(/\./g, "-")}`;
    const message = error(name);
    return (
      <div key={name}>
        <label htmlFor={id} className="block text-sm font-semibold">
          {label}
          {context && <span className="sr-only">: {context}</span>}
        </label>
        <input id={id} name={name} defaultValue={kept(name, stored)} className={inputClass} aria-invalid={message ? true : undefined} aria-describedby={describedBy(id, undefined, message)} />
        {message && (
          <p id={`${id}-error`} className="mt-1 text-sm font-semibold text-bad-700">
            <span aria-hidden>⚠ </span>
            {message}
          </p>
        )}
      </div>
    );
  };

  return (
    <form key={key} action={action} noValidate className="space-y-6">
      <input type="hidden" name="conferenceId" value={props.conferenceId} />
      <input type="hidden" name="locale" value={props.locale} />
      {outcome && !outcome.ok && <FormMessage kind="error">{invalid ? t("admin.fix") : t("admin.failed")}</FormMessage>}
      {outcome?.ok && <FormMessage kind="ok">{t("admin.saved")}</FormMessage>}
      <div>
        <label className="flex min-h-11 items-center gap-3 font-semibold">
          <input
            type="checkbox"
            name="enabled"
            defaultChecked={values ? values.enabled === "on" : props.enabled}
            className="h-5 w-5 accent-petrol-700"
            aria-describedby="cert-enabled-hint"
          />
          {t("admin.enabled")}
        </label>
        <p id="cert-enabled-hint" className="text-sm text-muted">
          {t("admin.enabledHint")}
        </p>
      </div>
      <fieldset className="rounded-lg border border-line p-4">
        <legend className="px-1 font-semibold">{t("admin.conferenceCodes")}</legend>
        <p className="text-sm text-muted">{t("admin.conferenceCodesHint")}</p>
        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          {REGISTERS.map((register) => input(settingsField.conferenceCode(register), REGISTER_NAMES[register], props.conferenceCodes[register] ?? ""))}
        </div>
      </fieldset>
      <fieldset className="rounded-lg border border-line p-4">
        <legend className="px-1 font-semibold">{t("admin.sessions")}</legend>
        <p className="text-sm text-muted">{t("admin.sessionsHint")}</p>
        {props.sessions.length === 0 && <p className="mt-3">{t("admin.noSessions")}</p>}
        <ul className="mt-3 space-y-4">
          {props.sessions.map((session) => (
            <li key={session.id} className="rounded-md border border-line bg-white p-3">
              <p className="font-semibold">
                {session.title} <span className="text-sm font-normal text-muted">{session.when}</span>
              </p>
              <div className="mt-2 grid gap-3 sm:grid-cols-5 sm:items-end">
                {input(settingsField.hours(session.id), t("admin.hours"), session.hours, session.title)}
                {REGISTERS.map((register) =>
                  input(settingsField.sessionCode(session.id, register), t("admin.code", { register: REGISTER_SHORT[register] }), session.codes[register] ?? "", session.title),
                )}
              </div>
            </li>
          ))}
        </ul>
      </fieldset>
      <button type="submit" disabled={pending} className={primaryButton}>
        {t("admin.save")}
      </button>
    </form>
  );
}
