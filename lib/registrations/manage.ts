import "server-only";
import { db } from "@/lib/db";
import { cancelRegistration, changeWorkshops as changeWorkshopsOf, eraseRegistration, type ChangeWorkshopsOutcome } from "@/lib/places/mutations";
import { registrationOfToken } from "./manage-links";

// Self-service by the attendee, who proves nothing but possession of a manage link (./manage-links.ts). What
// changes places is decided in lib/places; this only finds the registration the link opens.

export type ManageOutcome = { ok: true } | { ok: false; reason: Exclude<ChangeWorkshopsOutcome, { ok: true }>["reason"] };

export async function changeWorkshops(token: string, wanted: Record<string, string>, waitForFull: boolean): Promise<ManageOutcome> {
  const found = await registrationOfToken(token);
  if (!found) return { ok: false, reason: "notFound" };
  const outcome = await changeWorkshopsOf(found.id, wanted, waitForFull);
  return outcome.ok ? outcome : { ok: false, reason: outcome.reason };
}

export async function updateNeeds(token: string, needs: { dietaryNeeds?: string; accessibilityNeeds?: string }): Promise<ManageOutcome> {
  const found = await registrationOfToken(token);
  if (!found) return { ok: false, reason: "notFound" };
  await db.registration.update({
    where: { id: found.id },
    data: { dietaryNeeds: needs.dietaryNeeds ?? null, accessibilityNeeds: needs.accessibilityNeeds ?? null },
  });
  return { ok: true };
}

export async function cancelByToken(token: string): Promise<ManageOutcome> {
  const found = await registrationOfToken(token);
  if (!found) return { ok: false, reason: "notFound" };
  const outcome = await cancelRegistration({ registrationId: found.id });
  // Cancelled already (a second click, another tab, the organiser): the page shows it so.
  if (outcome.ok || outcome.reason === "alreadyCancelled") return { ok: true };
  return { ok: false, reason: outcome.reason };
}

// Erasure keeps the row (so attendance and capacity counts stay true) but nothing that identifies the person.
// Before the conference it also cancels, which hands the place to the waitlist.
export async function eraseByToken(token: string): Promise<ManageOutcome> {
  const found = await registrationOfToken(token);
  if (!found) return { ok: false, reason: "notFound" };
  return eraseRegistration(found.id);
}

// Everything we hold about the person, for "download my data".
export async function exportByToken(token: string) {
  const found = await registrationOfToken(token);
  if (!found) return null;
  const r = await db.registration.findUniqueOrThrow({
    where: { id: found.id },
    include: {
      conference: { select: { title: true, startsAt: true, endsAt: true } },
      choices: { include: { session: { select: { title: true, startsAt: true } } } },
      checkIns: { select: { action: true, scannedAt: true, method: true } },
    },
  });
  return {
    exportedAt: new Date().toISOString(),
    conference: r.conference,
    registration: {
      name: r.name,
      email: r.email,
      organisation: r.organisation,
      jobRole: r.jobRole,
      dietaryNeeds: r.dietaryNeeds,
      accessibilityNeeds: r.accessibilityNeeds,
      privacyConsentAt: r.privacyConsentAt,
      photoConsent: r.photoConsent,
      newsletterOptIn: r.newsletterOptIn,
      language: r.locale,
      status: r.status,
      source: r.source,
      ticketCode: r.ticketCode,
      doorCode: r.doorCode,
      createdAt: r.createdAt,
      confirmedAt: r.confirmedAt,
      waitlistedAt: r.waitlistedAt,
      cancelledAt: r.cancelledAt,
    },
    workshops: r.choices.map((c) => ({ title: c.session.title, startsAt: c.session.startsAt, status: c.status })),
    checkIns: r.checkIns,
  };
}
