"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/dashboard/form-message";
import { useRefusalText } from "@/components/dashboard/outcome-text";
import { dangerButton } from "@/components/dashboard/styles";
import { revokeApiTokenAction } from "@/lib/api-tokens/actions";

// Revoking takes effect on the next request made with the token.
export function RevokeApiTokenForm({ tokenId, name }: { tokenId: string; name: string }) {
  const t = useTranslations("integrations.tokens");
  const refusal = useRefusalText();
  const [outcome, formAction, pending] = useActionState(revokeApiTokenAction, null);
  const refused = refusal(outcome);
  return (
    <form action={formAction} className="space-y-2">
      {refused && <FormMessage kind="error">{refused}</FormMessage>}
      <input type="hidden" name="tokenId" value={tokenId} />
      <button type="submit" disabled={pending} aria-label={t("revokeLabel", { name })} className={dangerButton}>
        {t("revoke")}
      </button>
    </form>
  );
}
