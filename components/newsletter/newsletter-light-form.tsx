"use client";

import { useActionState } from "react";
import { subscribeAction, type NewsletterFormState } from "@/lib/newsletter/actions";
import { describedBy, inputClass } from "@/components/ui/field";
import type { NewsletterFormLabels } from "./newsletter-form";

type Props = { locale: "nl" | "en"; labels: NewsletterFormLabels; describedById?: string };

// The sign-up on the home page, where the JavaScript budget leaves no room for react-hook-form: one field,
// checked by the server with the same zod schema as the full form on /nieuwsbrief (lib/newsletter/actions.ts),
// its verdict shown after the round trip, with or without JavaScript. With JavaScript this island only swaps
// in the answer without reloading the page; React's own form actions do the rest.
export function NewsletterLightForm({ locale, labels, describedById }: Props) {
  const [state, formAction, pending] = useActionState<NewsletterFormState, FormData>(subscribeAction, { status: "idle" });

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

  const error = state.status === "error" ? state.fieldError : undefined;
  const formError = state.status === "error" ? state.formError : undefined;
  const id = "newsletter-email";
  return (
    <form action={formAction} noValidate className="space-y-3">
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
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={[describedBy(id, undefined, error), describedById].filter(Boolean).join(" ") || undefined}
          className={`${inputClass} sm:max-w-sm`}
          // What was typed comes back with the server's verdict (React resets a form after its action).
          key={state.status === "error" ? state.email : ""}
          defaultValue={state.status === "error" ? state.email : undefined}
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
