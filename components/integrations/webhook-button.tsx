"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/dashboard/form-message";
import { useRefusalText } from "@/components/dashboard/outcome-text";
import { dangerButton, secondaryButton } from "@/components/dashboard/styles";
import { deleteWebhookAction, enableWebhookAction, resendDeliveryAction } from "@/lib/webhooks/actions";

const ACTIONS = { delete: deleteWebhookAction, enable: enableWebhookAction, resend: resendDeliveryAction } as const;

// One button that posts one id: delete or switch on a hook, or send a delivery again. Works without JavaScript.
export function WebhookButton(props: { action: keyof typeof ACTIONS; field: "webhookId" | "deliveryId"; id: string; label: string; ariaLabel?: string; done?: string }) {
  const refusal = useRefusalText();
  const [outcome, formAction, pending] = useActionState(ACTIONS[props.action] as (previous: unknown, form: FormData) => Promise<Parameters<typeof refusal>[0]>, null);
  const refused = refusal(outcome);
  return (
    <form action={formAction} className="space-y-1">
      {refused && <FormMessage kind="error">{refused}</FormMessage>}
      {outcome?.ok && props.done && <p role="status" className="text-sm text-ok-700">{props.done}</p>}
      <input type="hidden" name={props.field} value={props.id} />
      <button type="submit" disabled={pending} aria-label={props.ariaLabel} className={props.action === "delete" ? dangerButton : secondaryButton}>
        {props.label}
      </button>
    </form>
  );
}
