"use client";

import { startTransition, useActionState, useEffect, useRef } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { registerAction, type RegistrationFormState } from "@/lib/registrations/actions";
import { registrationSchema, type RegistrationInput } from "@/lib/registrations/schema";
import { Field, describedBy, inputClass } from "@/components/ui/field";
import { contentLang } from "@/lib/site/content-lang";
import { RankingField } from "./ranking-field";

export type FormRound = {
  id: string;
  title: string;
  /** choice: first come, first served; ranking: ranked choice, open; pending: ranked, closed, not yet allocated. */
  mode: "choice" | "ranking" | "pending";
  /** When the rankings close (formatted), for a ranked round. */
  rankingClosesAt?: string;
  sessions: Array<{ id: string; title: string; timeRange: string; placesLeft: number | null }>;
};

type Props = {
  conferenceSlug: string;
  locale: "nl" | "en";
  rounds: FormRound[];
  waitlist: boolean;
  privacyHref: string;
  idempotencyKey: string;
};

type TextField = "name" | "email" | "organisation" | "jobRole" | "dietaryNeeds" | "accessibilityNeeds";

export function RegistrationForm({ conferenceSlug, locale, rounds, waitlist, privacyHref, idempotencyKey }: Props) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState<RegistrationFormState, FormData>(registerAction, { status: "idle" });
  const formRef = useRef<HTMLFormElement>(null);
  const previous = state.status === "error" ? state.values : undefined;

  const defaults = {
      name: (previous?.name as string) ?? "",
      email: (previous?.email as string) ?? "",
      organisation: (previous?.organisation as string) ?? "",
      jobRole: (previous?.jobRole as string) ?? "",
      dietaryNeeds: (previous?.dietaryNeeds as string) ?? "",
      accessibilityNeeds: (previous?.accessibilityNeeds as string) ?? "",
      workshops: (previous?.workshops as Record<string, string>) ?? {},
      waitForFullWorkshops: Boolean(previous?.waitForFullWorkshops),
      privacyConsent: (previous?.privacyConsent as true | undefined) ?? undefined,
      photoConsent: Boolean(previous?.photoConsent),
      newsletterOptIn: Boolean(previous?.newsletterOptIn),
      locale,
  };
  const form = useForm<RegistrationInput>({ resolver: zodResolver(registrationSchema), mode: "onTouched", defaultValues: defaults });
  const { errors } = form.formState;

  // Errors found by the server (also when the browser ran no JavaScript) land on the same fields.
  useEffect(() => {
    if (state.status !== "error") return;
    for (const [field, key] of Object.entries(state.fieldErrors)) {
      form.setError(field as keyof RegistrationInput, { message: key.replace(/^validation\./, "") });
    }
  }, [state, form]);

  if (state.status === "received") {
    return (
      <div role="status" className="rounded-xl border-2 border-ok-700 bg-ok-50 p-6">
        <h2 className="text-2xl font-semibold text-ok-700">
          <span aria-hidden>✓ </span>
          {t("registration.receivedTitle")}
        </h2>
        <p className="mt-3 text-lg">{t("registration.receivedText", { email: state.email })}</p>
        <p className="mt-2 text-muted">{t("registration.receivedNoMail")}</p>
      </div>
    );
  }

  const fieldError = (name: string): string | undefined => {
    const message = (errors as Record<string, { message?: string } | undefined>)[name]?.message;
    if (message) return t(`validation.${message}` as "validation.invalid");
    const server = state.status === "error" ? state.fieldErrors[name] : undefined;
    return server ? t(server as "validation.invalid") : undefined;
  };

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.handleSubmit(() => {
      if (!formRef.current || pending) return;
      const data = new FormData(formRef.current);
      startTransition(() => formAction(data));
    })(event);
  };

  const textField = (name: TextField, opts: { type?: string; autoComplete?: string; optional?: boolean; hint?: string; multiline?: boolean }) => {
    const id = `registration-${name}`;
    const error = fieldError(name);
    const common = {
      id,
      "aria-invalid": error ? true : undefined,
      "aria-describedby": describedBy(id, opts.hint, error),
      className: inputClass,
      // Also in the HTML itself, so that a form re-rendered by the server (no JavaScript) keeps what was typed.
      defaultValue: defaults[name] ?? "",
      ...form.register(name),
    };
    return (
      <Field id={id} label={t(`registration.${name}`)} hint={opts.hint} error={error} optionalLabel={opts.optional ? t("registration.optional") : undefined}>
        {opts.multiline ? (
          <textarea rows={2} {...common} />
        ) : (
          <input type={opts.type ?? "text"} autoComplete={opts.autoComplete} required={!opts.optional} {...common} />
        )}
      </Field>
    );
  };

  const formError =
    state.status === "error" ? t(state.formError as "registration.errors.fix", state.formErrorValues ?? {}) : undefined;

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="space-y-6">
      <input type="hidden" name="conferenceSlug" value={conferenceSlug} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <input type="hidden" name="locale" value={locale} />
      {formError && (
        <p role="alert" className="rounded-md border-2 border-bad-700 bg-bad-50 p-4 font-semibold text-bad-700">
          <span aria-hidden>⚠ </span>
          {formError}
        </p>
      )}
      {textField("name", { autoComplete: "name" })}
      {textField("email", { type: "email", autoComplete: "email", hint: t("registration.emailHint") })}
      {textField("organisation", { autoComplete: "organization", optional: true })}
      {textField("jobRole", { autoComplete: "organization-title", optional: true })}

      {rounds.length > 0 && (
        <fieldset className="space-y-5">
          <legend className="text-xl font-semibold text-petrol-800">{t("registration.workshopsLegend")}</legend>
          {rounds.some((round) => round.mode === "choice") && <p className="text-muted">{t("registration.workshopsHint")}</p>}
          {rounds.map((round) => (
            <fieldset key={round.id} className="rounded-lg border border-line bg-white p-4">
              <legend className="px-1 font-semibold" lang={contentLang(locale)}>
                {round.title}
              </legend>
              {round.mode === "pending" && <p className="mt-2">{t("registration.ranking.pending")}</p>}
              {round.mode === "ranking" && (
                <>
                  <p id={`ranking-${round.id}-hint`} className="mt-1 text-muted">
                    {t("registration.ranking.hint", { date: round.rankingClosesAt ?? "" })}
                  </p>
                  {fieldError("rankings") && (
                    <p id={`ranking-${round.id}-error`} className="mt-1 text-sm font-semibold text-bad-700">
                      <span aria-hidden>⚠ </span>
                      {fieldError("rankings")}
                    </p>
                  )}
                  <RankingField
                    roundId={round.id}
                    sessions={round.sessions}
                    initial={((previous?.rankings as Record<string, string[]> | undefined) ?? {})[round.id] ?? []}
                    locale={locale}
                    describedBy={fieldError("rankings") ? `ranking-${round.id}-hint ranking-${round.id}-error` : `ranking-${round.id}-hint`}
                    invalid={Boolean(fieldError("rankings"))}
                  />
                </>
              )}
              {round.mode === "choice" && (
              <div className="mt-2 space-y-2">
                {round.sessions.map((session) => {
                  const full = session.placesLeft !== null && session.placesLeft <= 0;
                  const justFilled = state.status === "error" && state.fullSessionIds?.includes(session.id);
                  return (
                    <label key={session.id} className="flex min-h-12 cursor-pointer items-start gap-3 rounded-md p-2 hover:bg-petrol-50">
                      <input
                        type="radio"
                        value={session.id}
                        defaultChecked={defaults.workshops[round.id] === session.id}
                        className="mt-1 h-5 w-5 accent-petrol-700"
                        {...form.register(`workshops.${round.id}`)}
                      />
                      <span>
                        <span className="font-semibold" lang={contentLang(locale)}>
                          {session.title}
                        </span>
                        <span className="block text-sm text-muted">{session.timeRange}</span>
                        {session.placesLeft !== null && (
                          <span className={`block text-sm font-semibold ${full || justFilled ? "text-accent-700" : "text-ok-700"}`}>
                            {full || justFilled ? t("registration.sessionFull") : t("registration.placesLeft", { count: session.placesLeft })}
                          </span>
                        )}
                      </span>
                    </label>
                  );
                })}
                <label className="flex min-h-12 cursor-pointer items-center gap-3 rounded-md p-2 hover:bg-petrol-50">
                  <input type="radio" value="" className="h-5 w-5 accent-petrol-700" {...form.register(`workshops.${round.id}`)} />
                  <span>{t("registration.noWorkshop")}</span>
                </label>
              </div>
              )}
            </fieldset>
          ))}
          {rounds.some((round) => round.mode === "choice") && (
            <label className="flex items-start gap-3">
              <input type="checkbox" defaultChecked={defaults.waitForFullWorkshops} className="mt-1 h-5 w-5 accent-petrol-700" {...form.register("waitForFullWorkshops")} />
              <span>{t("registration.waitForFullWorkshops")}</span>
            </label>
          )}
        </fieldset>
      )}

      {textField("dietaryNeeds", { optional: true, multiline: true })}
      {textField("accessibilityNeeds", { optional: true, multiline: true, hint: t("registration.accessibilityHint") })}

      <div className="space-y-3">
        <div>
          <label className="flex items-start gap-3">
            <input
              type="checkbox"
              required
              defaultChecked={defaults.privacyConsent === true}
              aria-invalid={fieldError("privacyConsent") ? true : undefined}
              aria-describedby={fieldError("privacyConsent") ? "registration-privacyConsent-error" : undefined}
              className="mt-1 h-5 w-5 accent-petrol-700"
              {...form.register("privacyConsent")}
            />
            <span>
              {t.rich("registration.privacyConsent", {
                link: (chunks) => (
                  <a href={privacyHref} className="text-petrol-700 underline" target="_blank" rel="noopener noreferrer">
                    {chunks}
                  </a>
                ),
              })}
            </span>
          </label>
          {fieldError("privacyConsent") && (
            <p id="registration-privacyConsent-error" className="mt-1 text-sm font-semibold text-bad-700">
              <span aria-hidden>⚠ </span>
              {fieldError("privacyConsent")}
            </p>
          )}
        </div>
        <label className="flex items-start gap-3">
          <input type="checkbox" defaultChecked={defaults.photoConsent} className="mt-1 h-5 w-5 accent-petrol-700" {...form.register("photoConsent")} />
          <span>{t("registration.photoConsent")}</span>
        </label>
        <label className="flex items-start gap-3">
          <input type="checkbox" defaultChecked={defaults.newsletterOptIn} className="mt-1 h-5 w-5 accent-petrol-700" {...form.register("newsletterOptIn")} />
          <span>{t("registration.newsletterOptIn")}</span>
        </label>
      </div>

      <button
        type="submit"
        disabled={pending}
        aria-disabled={pending}
        className="inline-flex min-h-12 w-full items-center justify-center rounded-md bg-accent-600 px-6 text-lg font-semibold text-white hover:bg-accent-700 disabled:opacity-70 sm:w-auto"
      >
        {pending ? t("registration.submitting") : waitlist ? t("registration.submitWaitlist") : t("registration.submit")}
      </button>
    </form>
  );
}
