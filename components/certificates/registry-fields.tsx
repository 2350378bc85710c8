"use client";
// The registry numbers on the sign-up form (issue 15), shown when the conference gives certificates: plain
// fields that the server checks (lib/certificates/schema.ts, in registerAction) and that keep what was typed when
// the page comes back without JavaScript. Only lib/certificates/registers.ts comes along: no zod in the sign-up
// page's first load (e2e/js-budget.spec.ts).
import { useTranslations } from "next-intl";
import { Field, describedBy, inputClass } from "@/components/ui/field";
import { REGISTERS, REGISTER_NAMES, REGISTRY_CONSENT_FIELD, hasDocumentedFormat, registryField } from "@/lib/certificates/registers";

export function RegistryFields({ values, errors }: { values: Record<string, string>; errors: Record<string, string | undefined> }) {
  const t = useTranslations();
  return (
    <fieldset className="space-y-4 rounded-lg border border-line bg-white p-4">
      <legend className="px-1 font-semibold">{t("certificates.manage.title")}</legend>
      <p className="text-muted">{t("certificates.manage.numbersHint")}</p>
      {REGISTERS.map((register) => {
        const name = registryField(register);
        const id = `registration-registry-${register}`;
        const error = errors[name];
        const hint = hasDocumentedFormat(register) ? t("certificates.manage.bigHint") : undefined;
        return (
          <Field key={register} id={id} label={REGISTER_NAMES[register]} hint={hint} error={error} optionalLabel={t("registration.optional")}>
            <input
              id={id}
              name={name}
              inputMode={register === "BIG" ? "numeric" : undefined}
              autoComplete="off"
              maxLength={40}
              defaultValue={values[name] ?? ""}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy(id, hint, error)}
              className={inputClass}
            />
          </Field>
        );
      })}
      <label className="flex items-start gap-3">
        <input
          type="checkbox"
          name={REGISTRY_CONSENT_FIELD}
          defaultChecked={values[REGISTRY_CONSENT_FIELD] === "on"}
          className="mt-1 h-5 w-5 shrink-0 accent-petrol-700"
          aria-describedby="registration-registry-consent-hint"
        />
        <span>
          {t("certificates.manage.consent")}
          <span id="registration-registry-consent-hint" className="block text-sm text-muted">
            {t("certificates.manage.consentHint")}
          </span>
        </span>
      </label>
    </fieldset>
  );
}
