"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { revokeInvitationAction } from "@/lib/organisations/actions";
import { FormMessage } from "./form-message";
import { useRefusalText } from "./outcome-text";
import { secondaryButton } from "./styles";

// Revoking only stops a link from working; the owner can invite again at once, so no confirmation step.
export function RevokeInvitationForm({ invitationId, email }: { invitationId: string; email: string }) {
  const t = useTranslations("dashboard.members");
  const refusal = useRefusalText();
  const [outcome, formAction, pending] = useActionState(revokeInvitationAction, null);
  const refused = refusal(outcome);
  return (
    <form action={formAction} className="space-y-2">
      {refused && <FormMessage kind="error">{refused}</FormMessage>}
      <input type="hidden" name="invitationId" value={invitationId} />
      <button type="submit" disabled={pending} aria-label={t("revokeLabel", { email })} className={secondaryButton}>
        {t("revoke")}
      </button>
    </form>
  );
}
