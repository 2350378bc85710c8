"use client";

import { startTransition, useActionState, useRef } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { Field, describedBy, inputClass } from "@/components/ui/field";
import { requestSignInLinkAction, type SignInFormState } from "@/lib/auth/actions";
import { signInSchema, type SignInInput } from "@/lib/auth/schema";
import { FormMessage } from "./form-message";
import { primaryButton } from "./styles";

type Props = { locale: "nl" | "en"; callbackUrl?: string };

// Works without JavaScript (the form posts to the server action); with it, the same zod schema checks the
// address before anything is sent, and a double click sends one request.
export function SignInForm({ locale, callbackUrl }: Props) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState<SignInFormState, FormData>(requestSignInLinkAction, { status: "idle" });
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm<SignInInput>({
    resolver: zodResolver(signInSchema),
    mode: "onTouched",
    defaultValues: { email: state.status === "error" ? state.email : "", callbackUrl, locale },
  });

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.handleSubmit(() => {
      if (!formRef.current || pending) return;
      const data = new FormData(formRef.current);
      startTransition(() => formAction(data));
    })(event);
  };

  // The browser's check first; without JavaScript only the server's answer exists, so it shows that.
  const message = form.formState.errors.email?.message ?? (state.status === "error" ? state.fieldErrors.email : undefined);
  const emailError = message ? t(`validation.${message}` as "validation.invalid") : undefined;
  const formError =
    state.status === "error" && state.formError
      ? t(`auth.signIn.errors.${state.formError}`, { minutes: Math.ceil((state.retryAfterSeconds ?? 60) / 60) })
      : undefined;

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="space-y-5">
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <input type="hidden" name="locale" value={locale} />
      {formError && <FormMessage kind="error">{formError}</FormMessage>}
      <Field id="sign-in-email" label={t("auth.signIn.email")} hint={t("auth.signIn.emailHint")} error={emailError}>
        <input
          id="sign-in-email"
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          // Without JavaScript react-hook-form never runs, so what was typed comes back through the HTML.
          defaultValue={state.status === "error" ? state.email : undefined}
          aria-invalid={emailError ? true : undefined}
          aria-describedby={describedBy("sign-in-email", "hint", emailError)}
          className={inputClass}
          {...form.register("email")}
        />
      </Field>
      <button type="submit" disabled={pending} aria-disabled={pending} className={`${primaryButton} w-full sm:w-auto`}>
        {pending ? t("auth.signIn.pending") : t("auth.signIn.submit")}
      </button>
    </form>
  );
}
