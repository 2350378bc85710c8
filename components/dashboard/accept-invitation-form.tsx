"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { acceptInvitationAction } from "@/lib/organisations/actions";
import { FormMessage } from "./form-message";
import { primaryButton } from "./styles";

type Props = { invitationId: string; locale: "nl" | "en"; label: string };

// On success the action goes straight to the organisation's dashboard; only refusals come back here.
export function AcceptInvitationForm({ invitationId, locale, label }: Props) {
  const t = useTranslations("dashboard.errors");
  const [outcome, formAction, pending] = useActionState(acceptInvitationAction, null);
  const reason = outcome && !outcome.ok ? outcome.reason : null;
  return (
    <form action={formAction} className="space-y-3">
      {reason && <FormMessage kind="error">{t(reason === "invalid" ? "invalid" : reason, { minutes: 1 })}</FormMessage>}
      <input type="hidden" name="invitationId" value={invitationId} />
      <input type="hidden" name="locale" value={locale} />
      <button type="submit" disabled={pending} className={primaryButton}>
        {label}
      </button>
    </form>
  );
}
