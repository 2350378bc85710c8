"use client";
// The attendee's registry numbers on the manage page, and the consent to pass attendance on to the registers.
// Each number is checked against its register's format by the server (lib/certificates/schema.ts); a refusal
// shows on its field in the page's language, with and without JavaScript.
import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { Field, describedBy, inputClass } from "@/components/ui/field";
import type { RegistryFormState } from "@/lib/registrations/registry-numbers";
import { REGISTERS, REGISTER_NAMES, REGISTRY_CONSENT_FIELD, hasDocumentedFormat, registryField, type Register } from "@/lib/certificates/registers";

type Action = (previous: RegistryFormState, form: FormData) => Promise<RegistryFormState>;

/** `action` is updateRegistryNumbersAction bound to the page's manage token by the (server) page. */
export function RegistryNumbersForm({ action: save, numbers, consent }: { action: Action; numbers: Partial<Record<Register, string>>; consent: boolean }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<RegistryFormState, FormData>(save, { status: "idle" });
  const errorRef = useRef<HTMLParagraphElement>(null);
  const values = state.status === "idle" ? null : state.values;
  const message = (key: string | undefined) => (key ? t(key as "certificates.validation.invalid") : undefined);

  useEffect(() => {
    if (state.status === "error") errorRef.current?.focus();
  }, [state]);

  return (
    <form key={state.status === "idle" ? "stored" : JSON.stringify(state.values)} action={action} noValidate className="mt-4 space-y-4">
      {state.status === "error" && (
        <p ref={errorRef} tabIndex={-1} role="alert" className="rounded-md border-2 border-bad-700 bg-bad-50 p-3 font-semibold text-bad-700">
          <span aria-hidden>⚠ </span>
          {message(state.formError) ?? t("certificates.manage.fix")}
        </p>
      )}
      {state.status === "saved" && (
        <p role="status" className="rounded-md border-2 border-ok-700 bg-ok-50 p-3 font-semibold text-ok-700">
          <span aria-hidden>✓ </span>
          {t("certificates.manage.saved")}
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        {REGISTERS.map((register) => {
          const name = registryField(register);
          const id = `registry-${register}`;
          const error = state.status === "error" ? message(state.fieldErrors[name]) : undefined;
          const hint = hasDocumentedFormat(register) ? t("certificates.manage.bigHint") : undefined;
          return (
            <Field key={register} id={id} label={REGISTER_NAMES[register]} hint={hint} error={error} optionalLabel={t("registration.optional")}>
              <input
                id={id}
                name={name}
                inputMode={register === "BIG" ? "numeric" : undefined}
                autoComplete="off"
                maxLength={40}
                defaultValue={values ? (values[name] ?? "") : (numbers[register] ?? "")}
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy(id, hint, error)}
                className={inputClass}
              />
            </Field>
          );
        })}
      </div>
      <label className="flex min-h-12 items-start gap-3">
        <input
          type="checkbox"
          name={REGISTRY_CONSENT_FIELD}
          defaultChecked={values ? values[REGISTRY_CONSENT_FIELD] === "on" : consent}
          className="mt-1 h-5 w-5 shrink-0 accent-petrol-700"
          aria-describedby="registry-consent-hint"
        />
        <span>
          <span className="font-semibold">{t("certificates.manage.consent")}</span>
          <span id="registry-consent-hint" className="block text-sm text-muted">
            {t("certificates.manage.consentHint")}
          </span>
        </span>
      </label>
      <button type="submit" disabled={pending} className="min-h-12 rounded-md bg-petrol-800 px-5 font-semibold text-white hover:bg-petrol-900 disabled:opacity-70">
        {t("certificates.manage.save")}
      </button>
    </form>
  );
}
