import "server-only";
import { recordAudit } from "@/lib/audit/log";
import type { OrganisationAccess } from "@/lib/auth/authorize";
import type { HandlerResult } from "@/lib/auth/outcome";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { organiserHeaders, renderEmail, type EmailOrganiser } from "@/lib/mail/layout";
import { enqueueEmail, outboxRow, type OutboxEmail } from "@/lib/mail/outbox";
import { segmentRecipients } from "./queries";
import { segmentValue, type MessageInput } from "./schema";

export type MessageOutcome = {
  intent: MessageInput["intent"];
  count: number;
  conferenceId: string;
  /** What was written, for the form to show again after a count or a test (it is sent next). */
  values: Record<string, string>;
};

/** The email a message becomes, in the recipient's language for the frame around the organiser's words. */
function messageEmail(input: { subject: string; body: string }, to: string, locale: string, organiser: EmailOrganiser, test = false): OutboxEmail {
  const lang = locale === "en" ? "en" : "nl";
  const rendered = renderEmail({
    locale: lang,
    organiser,
    preheader: input.subject,
    heading: input.subject,
    paragraphs: input.body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean),
  });
  return {
    kind: test ? "conference.message.test" : "conference.message",
    to,
    subject: test ? `[Test] ${input.subject}` : input.subject,
    text: rendered.text,
    html: rendered.html,
    headers: organiserHeaders(organiser),
  };
}

/**
 * A message to a segment: "preview" counts who it would reach, "test" sends it to the organiser alone, "send" sends
 * it to everyone in the segment now, records who got it (their registration pages list it) and writes the audit
 * log. These are service messages: unsubscribing from the newsletter does not apply, cancelling does.
 */
export async function sendMessage(access: OrganisationAccess, input: MessageInput): Promise<HandlerResult<MessageOutcome, "notFound" | "noRecipients">> {
  return db.$transaction(async (tx) => {
    const conference = await tx.conference.findFirst({
      where: { id: input.conferenceId, organisationId: access.organisation.id },
      select: { id: true, slug: true, title: true, endsAt: true, organisation: { select: { name: true, contactEmail: true } } },
    });
    if (!conference) return { ok: false, reason: "notFound" } as const;
    const recipients = await segmentRecipients(tx, conference, input.segment);
    const values = { segment: segmentValue(input.segment), subject: input.subject, body: input.body };
    const done = (intent: MessageInput["intent"]) => ({ ok: true, data: { intent, count: recipients.length, conferenceId: conference.id, values } }) as const;
    if (input.intent === "preview") return done("preview");
    if (input.intent === "test") {
      await enqueueEmail(tx, messageEmail(input, access.user.email, "nl", conference.organisation, true));
      return done("test");
    }
    if (recipients.length === 0) return { ok: false, reason: "noRecipients" } as const;
    const message = await tx.conferenceMessage.create({
      data: {
        conferenceId: conference.id,
        segment: input.segment as Prisma.InputJsonValue,
        subject: input.subject,
        body: input.body,
        sentByUserId: access.user.id,
        recipientCount: recipients.length,
        recipients: { create: recipients.map((r) => ({ registrationId: r.id })) },
      },
      select: { id: true },
    });
    await tx.emailOutbox.createMany({
      data: recipients.map((r) => outboxRow(messageEmail(input, r.email, r.locale, conference.organisation), { registrationId: r.id })),
    });
    await recordAudit(tx, {
      organisationId: access.organisation.id,
      actorUserId: access.user.id,
      action: "conference.message_sent",
      entityType: "conference",
      entityId: conference.id,
      details: { title: conference.title, subject: input.subject, rows: recipients.length, messageId: message.id, segment: input.segment },
    });
    return done("send");
  });
}
