"use client";

import { startTransition, useActionState, useEffect, useRef } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { FormMessage } from "@/components/dashboard/form-message";
import { primaryButton, selectClass } from "@/components/dashboard/styles";
import { Field, describedBy, inputClass } from "@/components/ui/field";
import { Link } from "@/i18n/navigation";
import { addRegistrationAction } from "@/lib/registrations/admin-actions";
import { addRegistrationSchema } from "@/lib/registrations/admin-schema";
import { useRegistrationRefusal } from "./refusal-text";

export type FormRound = {
  id: string;
  title: string;
  sessions: Array<{ id: string; title: string; placesLeft: number | null }>;
};

type Values = {
  conferenceId: string;
  idempotencyKey: string;
  name: string;
  email: string;
  organisation: string;
  jobRole: string;
  workshops: Record<string, string>;
  waitForFullWorkshops: boolean;
  dietaryNeeds: string;
  accessibilityNeeds: string;
  locale: "nl" | "en";
  privacyConsent: boolean;
};

type TextField = "name" | "email" | "organisation" | "jobRole" | "dietaryNeeds" | "accessibilityNeeds";

type Props = { conferenceId: string; idempotencyKey: string; rounds: FormRound[]; locale: "nl" | "en"; detailPath: string };

// Registering someone on their behalf. Same schema in the browser and in the action; the idempotency key
// makes a double submit one registration, and a new key is drawn for the next person after success.
export function AddRegistrationForm({ conferenceId, idempotencyKey, rounds, locale, detailPath }: Props) {
  const t = useTranslations();
  const refusal = useRegistrationRefusal();
  const [outcome, formAction, pending] = useActionState(addRegistrationAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  const previous = outcome && !outcome.ok ? outcome.values : undefined;
  const text = (name: string) => previous?.[name] ?? "";
  const defaults: Values = {
    conferenceId,
    idempotencyKey: previous?.idempotencyKey ?? idempotencyKey,
    name: text("name"),
    email: text("email"),
    organisation: text("organisation"),
    jobRole: text("jobRole"),
    workshops: Object.fromEntries(rounds.map((round) => [round.id, text(`workshops.${round.id}`)])),
    waitForFullWorkshops: previous?.waitForFullWorkshops === "on",
    dietaryNeeds: text("dietaryNeeds"),
    accessibilityNeeds: text("accessibilityNeeds"),
    locale: previous ? (previous.locale === "en" ? "en" : "nl") : locale,
    privacyConsent: previous?.privacyConsent === "on",
  };
  const form = useForm<Values>({
    // The schema takes form data and objects alike (see admin-schema.ts); its input type is therefore unknown.
    resolver: zodResolver(addRegistrationSchema as unknown as z.ZodType<Values, Values>) as Resolver<Values>,
    mode: "onTouched",
    defaultValues: defaults,
  });
  const { errors } = form.formState;

  useEffect(() => {
    if (!outcome) return;
    if (outcome.ok) {
      form.reset({ ...defaults, name: "", email: "", organisation: "", jobRole: "", dietaryNeeds: "", accessibilityNeeds: "", privacyConsent: false, idempotencyKey: crypto.randomUUID() });
      return;
    }
    if ("fieldErrors" in outcome) {
      for (const [field, message] of Object.entries(outcome.fieldErrors)) form.setError(field as keyof Values, { message });
    }
    // Only the outcome changes what to show; defaults are recomputed from it on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [outcome]);

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.handleSubmit(() => {
      if (!formRef.current || pending) return;
      const data = new FormData(formRef.current);
      startTransition(() => formAction(data));
    })(event);
  };

  // Server errors are read during render too: without JavaScript the effect above never runs.
  const serverFieldErrors: Record<string, string> = outcome && !outcome.ok && "fieldErrors" in outcome ? outcome.fieldErrors : {};
  const errorOf = (field: string) => {
    const message = (errors as Record<string, { message?: string } | undefined>)[field]?.message ?? serverFieldErrors[field];
    return message ? t(`validation.${message}` as "validation.invalid") : undefined;
  };
  const refused = outcome && !outcome.ok && outcome.reason !== "invalid" ? refusal(outcome) : null;

  const textField = (name: TextField, type: "text" | "email" = "text", optional = false, autoComplete = "off") => {
    const id = `add-${name}`;
    const error = errorOf(name);
    return (
      <Field id={id} label={t(`registrationsAdmin.add.${name === "dietaryNeeds" ? "dietary" : name === "accessibilityNeeds" ? "accessibility" : name}`)} error={error} optionalLabel={optional ? t("registrationsAdmin.add.optional") : undefined}>
        <input
          id={id}
          type={type}
          autoComplete={autoComplete}
          required={!optional}
          defaultValue={defaults[name]}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, undefined, error)}
          className={inputClass}
          {...form.register(name)}
        />
      </Field>
    );
  };

  const privacyError = errorOf("privacyConsent");
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      {outcome?.ok && (
        <FormMessage kind="ok">
          {t(`registrationsAdmin.add.done.${outcome.data.status}`, { name: outcome.data.name })}{" "}
          <Link href={`${detailPath}/${outcome.data.registrationId}`} className="underline">
            {t("registrationsAdmin.add.open")}
          </Link>
        </FormMessage>
      )}
      {outcome && !outcome.ok && outcome.reason === "invalid" && <FormMessage kind="error">{t("registrationsAdmin.errors.invalid")}</FormMessage>}
      {refused && <FormMessage kind="error">{refused}</FormMessage>}
      <input type="hidden" {...form.register("conferenceId")} defaultValue={conferenceId} />
      <input type="hidden" {...form.register("idempotencyKey")} defaultValue={defaults.idempotencyKey} />
      {textField("name", "text", false)}
      {textField("email", "email", false)}
      {textField("organisation", "text", true)}
      {textField("jobRole", "text", true)}
      {rounds.map((round) => (
        <Field key={round.id} id={`add-round-${round.id}`} label={round.title}>
          <select
            id={`add-round-${round.id}`}
            defaultValue={defaults.workshops[round.id]}
            className={`${selectClass} w-full`}
            {...form.register(`workshops.${round.id}`)}
          >
            <option value="">{t("registrationsAdmin.add.noWorkshop")}</option>
            {round.sessions.map((session) => (
              <option key={session.id} value={session.id}>
                {session.title}
                {session.placesLeft !== null && ` (${t("registrationsAdmin.add.placesLeft", { count: session.placesLeft })})`}
              </option>
            ))}
          </select>
        </Field>
      ))}
      {rounds.length > 0 && (
        <label className="flex min-h-12 items-start gap-3">
          <input type="checkbox" defaultChecked={defaults.waitForFullWorkshops} className="mt-1 size-5 shrink-0 accent-petrol-800" {...form.register("waitForFullWorkshops")} />
          <span>{t("registrationsAdmin.add.waitForFull")}</span>
        </label>
      )}
      {textField("dietaryNeeds", "text", true)}
      {textField("accessibilityNeeds", "text", true)}
      <Field id="add-locale" label={t("registrationsAdmin.add.locale")}>
        <select id="add-locale" defaultValue={defaults.locale} className={selectClass} {...form.register("locale")}>
          <option value="nl">{t("registrationsAdmin.add.languages.nl")}</option>
          <option value="en">{t("registrationsAdmin.add.languages.en")}</option>
        </select>
      </Field>
      <div className="space-y-1">
        <label className="flex min-h-12 items-start gap-3">
          <input
            type="checkbox"
            defaultChecked={defaults.privacyConsent}
            aria-invalid={privacyError ? true : undefined}
            aria-describedby={privacyError ? "add-privacy-error" : undefined}
            className="mt-1 size-5 shrink-0 accent-petrol-800"
            {...form.register("privacyConsent")}
          />
          <span className="font-semibold">{t("registrationsAdmin.add.privacy")}</span>
        </label>
        {privacyError && (
          <p id="add-privacy-error" className="flex items-start gap-1 text-sm font-semibold text-bad-700">
            <span aria-hidden>⚠</span> {privacyError}
          </p>
        )}
      </div>
      <button type="submit" disabled={pending} className={primaryButton}>
        {pending ? t("registrationsAdmin.add.pending") : t("registrationsAdmin.add.submit")}
      </button>
    </form>
  );
}
