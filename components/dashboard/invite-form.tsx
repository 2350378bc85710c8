"use client";

import { startTransition, useActionState, useEffect, useRef } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { Field, describedBy, inputClass } from "@/components/ui/field";
import { ROLES } from "@/lib/auth/roles";
import { inviteMemberAction } from "@/lib/organisations/actions";
import { inviteMemberSchema, type InviteMemberInput } from "@/lib/organisations/schema";
import { FormMessage } from "./form-message";
import { useRefusalText } from "./outcome-text";
import { primaryButton, selectClass } from "./styles";

type Props = { organisationId: string; locale: "nl" | "en" };

// The one primary action of the members page. After an error what was typed stays; after success the form
// empties for the next person.
export function InviteForm({ organisationId, locale }: Props) {
  const t = useTranslations();
  const refusal = useRefusalText();
  const [outcome, formAction, pending] = useActionState(inviteMemberAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  const previous = outcome && !outcome.ok ? outcome.values : undefined;
  // The least powerful role that can do real work; an owner is never made by accident.
  const defaultRole = ROLES.find((role) => role === previous?.role) ?? "ORGANISER";
  const defaultLocale = previous?.locale === "en" || (!previous && locale === "en") ? "en" : "nl";
  const form = useForm<InviteMemberInput>({
    resolver: zodResolver(inviteMemberSchema),
    mode: "onTouched",
    defaultValues: { organisationId, email: previous?.email ?? "", role: defaultRole, locale: defaultLocale },
  });

  useEffect(() => {
    if (outcome?.ok) form.resetField("email", { defaultValue: "" });
  }, [outcome, form]);

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.handleSubmit(() => {
      if (!formRef.current || pending) return;
      const data = new FormData(formRef.current);
      startTransition(() => formAction(data));
    })(event);
  };

  const serverFieldErrors = outcome && !outcome.ok && "fieldErrors" in outcome ? outcome.fieldErrors : {};
  const emailMessage = form.formState.errors.email?.message ?? serverFieldErrors.email;
  const emailError = emailMessage ? t(`validation.${emailMessage}` as "validation.invalid") : undefined;
  const refused = refusal(outcome);

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      {outcome?.ok && <FormMessage kind="ok">{t("dashboard.members.done.invited")}</FormMessage>}
      {refused && <FormMessage kind="error">{refused}</FormMessage>}
      <input type="hidden" defaultValue={organisationId} {...form.register("organisationId")} />
      <Field id="invite-email" label={t("dashboard.members.email")} error={emailError}>
        <input
          id="invite-email"
          type="email"
          autoComplete="off"
          required
          // Without JavaScript react-hook-form never runs, so what was typed comes back through the HTML.
          defaultValue={previous?.email}
          aria-invalid={emailError ? true : undefined}
          aria-describedby={describedBy("invite-email", undefined, emailError)}
          className={inputClass}
          {...form.register("email")}
        />
      </Field>
      <div className="flex flex-wrap gap-4">
        <Field id="invite-role" label={t("dashboard.members.role")}>
          <select id="invite-role" defaultValue={defaultRole} className={selectClass} {...form.register("role")}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`auth.roles.${role}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="invite-locale" label={t("dashboard.members.language")}>
          <select id="invite-locale" defaultValue={defaultLocale} className={selectClass} {...form.register("locale")}>
            <option value="nl">{t("dashboard.members.languages.nl")}</option>
            <option value="en">{t("dashboard.members.languages.en")}</option>
          </select>
        </Field>
      </div>
      <button type="submit" disabled={pending} className={primaryButton}>
        {pending ? t("dashboard.members.pending") : t("dashboard.members.inviteSubmit")}
      </button>
    </form>
  );
}
