// The owner's webhook forms, shared by the client form and the server actions. Messages are keys under
// "validation" (and "integrations.webhooks.validation" for the address).
import { z } from "zod";
import { lineText } from "@/lib/text";

const id = lineText().min(1, "required").max(40, "invalid");

/** Every event a hook can ask for; prisma/sql/webhooks.sql writes exactly these. */
export const WEBHOOK_EVENTS = [
  "registration.created",
  "registration.confirmed",
  "registration.waitlisted",
  "registration.promoted",
  "registration.cancelled",
  "checkin.recorded",
  "conference.published",
  "conference.changed",
  "conference.cancelled",
  "report.published",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

/** FormData sends one "events" field per ticked box; react-hook-form an array. */
const eventList = z.preprocess(
  (value) => (Array.isArray(value) ? value : typeof value === "string" ? [value] : []),
  z.array(z.enum(WEBHOOK_EVENTS)).min(1, "required"),
);

export const createWebhookSchema = z.object({
  organisationId: id,
  url: lineText()
    .min(1, "required")
    .max(500, "tooLong")
    .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), "invalid"),
  events: eventList,
});
export type CreateWebhook = z.output<typeof createWebhookSchema>;

export const webhookIdSchema = z.object({ webhookId: id });
export const resendDeliverySchema = z.object({ deliveryId: id });
