// A new email address for a registration, asked for on the manage page and confirmed from that address. Until
// the link sent there is used, nothing changes: the old address keeps getting the emails and every manage link
// keeps working. The link's token is random (128 bits and more), stored only as its hash, expires after
// EMAIL_CHANGE_HOURS and works once. Confirmed, the ticket goes to the new address and a notice to the old one.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { enqueueEmail } from "@/lib/mail/outbox";
import { hit, type RateLimitRule } from "@/lib/rate-limit/rate-limit";
import { localizedUrl } from "@/lib/site/urls";
import { emailKey } from "@/lib/text";
import { hashToken, randomToken } from "@/lib/tokens";
import { emailChangeEmail } from "./emails";

export const EMAIL_CHANGE_HOURS = 24;
const HOUR = 60 * 60 * 1000;

// Each request emails an address of the requester's choosing: a few an hour per registration is plenty for
// typos, and too few to use a manage link for sending mail to strangers.
const EMAIL_CHANGE_LIMIT: RateLimitRule = { bucket: "registration-email-change", limit: 3, windowSeconds: 3600 };

export function emailChangeUrl(locale: "nl" | "en", token: string): string {
  return localizedUrl(locale, `/aanmelding/nieuw-adres/${token}`);
}

export type EmailChangeRequest =
  | { ok: true; sent: boolean }
  | { ok: false; reason: "emailTaken" | "rateLimited"; retryAfterSeconds?: number };

/**
 * Asks to move a registration to `newEmail` (already validated): the same address (in any case) changes
 * nothing; an address another active registration of this conference has is refused, as the confirmation
 * would be. Replaces an earlier request that was not confirmed. Called inside the details' transaction.
 */
export async function requestEmailChange(
  tx: Tx,
  registration: { id: string; conferenceId: string; email: string; name: string; locale: string },
  newEmail: string,
): Promise<EmailChangeRequest> {
  if (emailKey(newEmail) === emailKey(registration.email)) return { ok: true, sent: false };
  const taken = await tx.registration.findFirst({
    where: { conferenceId: registration.conferenceId, activeEmailKey: emailKey(newEmail), id: { not: registration.id } },
    select: { id: true },
  });
  if (taken) return { ok: false, reason: "emailTaken" };
  const limited = await hit(EMAIL_CHANGE_LIMIT, registration.id);
  if (!limited.ok) return { ok: false, reason: "rateLimited", retryAfterSeconds: limited.retryAfterSeconds };

  const token = randomToken();
  await tx.emailChange.deleteMany({ where: { registrationId: registration.id } });
  await tx.emailChange.create({
    data: { registrationId: registration.id, newEmail, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + EMAIL_CHANGE_HOURS * HOUR) },
  });
  const conference = await tx.conference.findUniqueOrThrow({
    where: { id: registration.conferenceId },
    select: { title: true, organisation: { select: { name: true, contactEmail: true } } },
  });
  const locale = registration.locale === "en" ? "en" : "nl";
  await enqueueEmail(
    tx,
    emailChangeEmail({
      registration: { name: registration.name, locale, conference: { title: conference.title, organisation: conference.organisation } },
      newEmail,
      confirmUrl: emailChangeUrl(locale, token),
      hours: EMAIL_CHANGE_HOURS,
    }),
    // Erasing the person scrubs this email too.
    { registrationId: registration.id },
  );
  return { ok: true, sent: true };
}

/** The change a link asks for, if it is still good: for the confirmation page. */
export async function emailChangeOfToken(token: string) {
  if (token.length < 20 || token.length > 100) return null;
  const change = await db.emailChange.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      newEmail: true,
      expiresAt: true,
      registration: { select: { email: true, status: true, erasedAt: true, conference: { select: { title: true, slug: true } } } },
    },
  });
  if (!change || change.registration.erasedAt || change.expiresAt <= new Date()) return null;
  return change;
}

export type EmailChangeConfirmation = { ok: true } | { ok: false; reason: "notFound" | "emailTaken" };

/**
 * Uses the link: the registration gets its new address (and, while active, the key that keeps one active
 * registration per address and conference), the request is gone, and two emails are queued for the mail
 * worker: the ticket or waitlist notice at the new address, with a manage link of its own, and a notice to the
 * old one.
 */
export async function confirmEmailChange(token: string): Promise<EmailChangeConfirmation> {
  if (token.length < 20 || token.length > 100) return { ok: false, reason: "notFound" };
  try {
    return await db.$transaction(async (tx) => {
      const change = await tx.emailChange.findUnique({
        where: { tokenHash: hashToken(token) },
        select: { id: true, newEmail: true, expiresAt: true, registrationId: true },
      });
      if (!change || change.expiresAt <= new Date()) return { ok: false, reason: "notFound" } as const;
      // Locked, so that a cancellation or an email being written meanwhile sees either address, not a mix.
      const [registration] = await tx.$queryRaw<Array<{ email: string; status: string; erased_at: Date | null }>>`
        SELECT email, status::text AS status, erased_at FROM registrations WHERE id = ${change.registrationId} FOR UPDATE`;
      if (!registration || registration.erased_at) return { ok: false, reason: "notFound" } as const;
      await tx.registration.update({
        where: { id: change.registrationId },
        data: { email: change.newEmail, ...(registration.status === "CANCELLED" ? {} : { activeEmailKey: emailKey(change.newEmail) }) },
      });
      await tx.emailChange.deleteMany({ where: { registrationId: change.registrationId } });
      const draft = (template: object, to: string) => ({
        kind: "registration.addressChanged",
        toAddress: to,
        subject: "",
        textBody: "",
        status: "DRAFT" as const,
        draft: template,
        registrationId: change.registrationId,
      });
      await tx.emailOutbox.createMany({
        data: [
          ...(registration.status === "CANCELLED" ? [] : [draft({ template: "addressChanged" }, change.newEmail)]),
          draft({ template: "addressChangedNotice", previousEmail: registration.email }, registration.email),
        ],
      });
      return { ok: true } as const;
    });
  } catch (error) {
    // Someone registered the new address for this conference after the request: it is theirs now.
    if (isUniqueViolation(error)) return { ok: false, reason: "emailTaken" };
    throw error;
  }
}
