"use client";

import { startTransition, useActionState, useEffect, useRef } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { subscribeAction, type NewsletterFormState } from "@/lib/newsletter/actions";
import type { NewsletterSignupInput } from "@/lib/newsletter/schema";
import { describedBy, inputClass } from "@/components/ui/field";

// The shared zod schema and its resolver load when the form is first validated, not with the page: most
// visitors of the home page never touch the form, and the public pages have a JavaScript budget.
const lazyZodResolver: Resolver<NewsletterSignupInput> = async (values, context, options) => {
  const [{ zodResolver }, { newsletterSignupSchema }] = await Promise.all([
    import("@hookform/resolvers/zod"),
    import("@/lib/newsletter/schema"),
  ]);
  return zodResolver(newsletterSignupSchema)(values, context, options);
};

export type NewsletterFormLabels = {
  email: string;
  submit: string;
  submitting: string;
  receivedTitle: string;
  /** With "{email}" where the address goes. */
  receivedText: string;
  receivedNoMail: string;
  /** Messages for the schema's keys ("emailInvalid", "tooLong"), in the page's language. */
  validation: Record<string, string>;
};

type Props = { locale: "nl" | "en"; labels: NewsletterFormLabels; describedById?: string };

// Labels come from the server as props, so this island ships no message files. Without JavaScript the form
// posts to the same server action and the page comes back with its answer.
export function NewsletterForm({ locale, labels, describedById }: Props) {
  const [state, formAction, pending] = useActionState<NewsletterFormState, FormData>(subscribeAction, { status: "idle" });
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm<NewsletterSignupInput>({
    resolver: lazyZodResolver,
    mode: "onTouched",
    defaultValues: { email: state.status === "error" ? state.email : "", locale },
  });

  // An error found by the server lands on the field, like one found in the browser.
  useEffect(() => {
    if (state.status === "error" && state.fieldError) form.setError("email", { message: state.fieldError });
  }, [state, form]);

  if (state.status === "received") {
    return (
      <div role="status" className="rounded-xl border-2 border-ok-700 bg-ok-50 p-5">
        <p className="text-lg font-semibold text-ok-700">
          <span aria-hidden>✓ </span>
          {labels.receivedTitle}
        </p>
        <p className="mt-2">{labels.receivedText.replace("{email}", state.email)}</p>
        <p className="mt-1 text-sm text-muted">{labels.receivedNoMail}</p>
      </div>
    );
  }

  const clientMessage = form.formState.errors.email?.message;
  // Without JavaScript nothing runs in the browser, so the server's verdict is shown as it came; once the
  // form has been used in the browser, react-hook-form owns the field's error (the effect above feeds it).
  const untouched = !form.formState.isSubmitted && !form.formState.touchedFields.email;
  const serverError = state.status === "error" && untouched ? state.fieldError : undefined;
  const error = clientMessage ? (labels.validation[clientMessage] ?? clientMessage) : serverError;
  const formError = state.status === "error" ? state.formError : undefined;
  const id = "newsletter-email";

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.handleSubmit(() => {
      if (!formRef.current || pending) return;
      const data = new FormData(formRef.current);
      startTransition(() => formAction(data));
    })(event);
  };

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="space-y-3">
      <input type="hidden" name="locale" value={locale} />
      {formError && (
        <p role="alert" className="rounded-md border-2 border-bad-700 bg-bad-50 p-3 font-semibold text-bad-700">
          <span aria-hidden>⚠ </span>
          {formError}
        </p>
      )}
      <label htmlFor={id} className="block font-semibold">
        {labels.email}
      </label>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <input
          id={id}
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={[describedBy(id, undefined, error), describedById].filter(Boolean).join(" ") || undefined}
          className={`${inputClass} sm:max-w-sm`}
          // What was typed, also in the page the server sends back when the browser ran no JavaScript.
          defaultValue={state.status === "error" ? state.email : undefined}
          {...form.register("email")}
        />
        <button
          type="submit"
          disabled={pending}
          className="inline-flex min-h-12 items-center justify-center rounded-md bg-accent-600 px-6 text-lg font-semibold text-white hover:bg-accent-700 disabled:opacity-70"
        >
          {pending ? labels.submitting : labels.submit}
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} className="flex items-start gap-1 text-sm font-semibold text-bad-700">
          <span aria-hidden>⚠</span> {error}
        </p>
      )}
    </form>
  );
}
