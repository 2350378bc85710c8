"use client";

import { FormMessage } from "@/components/dashboard/form-message";
import { primaryButton } from "@/components/dashboard/styles";

/** The status line above an editor form: what was saved, or what went wrong and what to do. */
export function FormStatus({ done, refusal }: { done?: string | null; refusal: string | null }) {
  if (refusal) return <FormMessage kind="error">{refusal}</FormMessage>;
  if (done) return <FormMessage kind="ok">{done}</FormMessage>;
  return null;
}

/** `formAction`: where the form goes without JavaScript, when that is not its server action (./no-script-upload.tsx). */
export function SubmitButton({
  pending,
  label,
  pendingLabel,
  className = primaryButton,
  formAction,
}: {
  pending: boolean;
  label: string;
  pendingLabel: string;
  className?: string;
  formAction?: string;
}) {
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={className} formAction={formAction}>
      {pending ? pendingLabel : label}
    </button>
  );
}
