"use client";
// The attendee's name, organisation, job role and address on the manage page: corrected in one form that keeps
// what was typed and shows refusals on their fields, with and without JavaScript. A new address only counts once
// it is confirmed from that address; until then the page says where the link went.
import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { updateDetailsAction, type DetailsFormState } from "@/lib/registrations/manage-actions";
import { Field, describedBy, inputClass } from "@/components/ui/field";

type Props = {
  token: string;
  values: { name: string; email: string; organisation: string; jobRole: string };
};

const FIELDS = [
  { name: "name", type: "text", autoComplete: "name", optional: false },
  { name: "email", type: "email", autoComplete: "email", optional: false },
  { name: "organisation", type: "text", autoComplete: "organization", optional: true },
  { name: "jobRole", type: "text", autoComplete: "organization-title", optional: true },
] as const;

export function DetailsForm({ token, values }: Props) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<DetailsFormState, FormData>(updateDetailsAction, { status: "idle" });
  const errorRef = useRef<HTMLParagraphElement>(null);
  const shown = state.status === "error" ? state.values : values;
  const message = (key: string | undefined) => (key ? t(key as "validation.invalid") : undefined);

  useEffect(() => {
    if (state.status === "error") errorRef.current?.focus();
  }, [state]);

  return (
    <form action={action} noValidate className="mt-4 space-y-4">
      <input type="hidden" name="token" value={token} />
      {state.status === "error" && (
        <p ref={errorRef} tabIndex={-1} autoFocus role="alert" className="rounded-md border-2 border-bad-700 bg-bad-50 p-3 font-semibold text-bad-700">
          <span aria-hidden>⚠ </span>
          {message(state.formError) ?? t("manage.detailsFix")}
        </p>
      )}
      {FIELDS.map((field) => {
        const id = `details-${field.name}`;
        const error = state.status === "error" ? message(state.fieldErrors[field.name]) : undefined;
        const hint = field.name === "email" ? t("manage.emailHint", { email: values.email }) : undefined;
        return (
          <Field
            key={`${field.name}-${state.status === "error" ? "error" : "stored"}`}
            id={id}
            label={t(`registration.${field.name}`)}
            hint={hint}
            error={error}
            optionalLabel={field.optional ? t("registration.optional") : undefined}
          >
            <input
              id={id}
              name={field.name}
              type={field.type}
              autoComplete={field.autoComplete}
              required={!field.optional}
              defaultValue={shown[field.name]}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy(id, hint, error)}
              className={inputClass}
            />
          </Field>
        );
      })}
      <button type="submit" disabled={pending} className="min-h-12 rounded-md bg-petrol-800 px-5 font-semibold text-white hover:bg-petrol-900 disabled:opacity-70">
        {pending ? t("manage.saving") : t("manage.saveDetails")}
      </button>
    </form>
  );
}
