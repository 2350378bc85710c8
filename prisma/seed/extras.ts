// What the public must never see (a draft conference, a draft and a scheduled report), the newsletter
// subscribers, and a second organisation for authorization tests.
import { emailKey } from "../../lib/text";
import { hashToken, randomToken } from "../../lib/tokens";
import { REPORT_DRAFT, REPORT_SCHEDULED } from "./content-report";
import { OTHER_ORG } from "./content";
import { createPhoto, type Tx } from "./db";
import type { DemoImages } from "./images";
import type { DemoBase } from "./organisation";
import { addSession } from "./programme";
import { amsterdam } from "./time";

export const DRAFT_CONFERENCE_SLUG = "werkconferentie-najaar-2027";
export const OTHER_DRAFT_CONFERENCE_SLUG = "netwerkmiddag-zorg-drechtsteden-2027";

export async function createDraftConference(tx: Tx, organisationId: string, base: DemoBase, images: DemoImages): Promise<string> {
  const coverPhotoId = await createPhoto(tx, organisationId, images.scenes.coverDraft);
  const date = "2027-10-07";
  const conference = await tx.conference.create({
    data: {
      organisationId,
      slug: DRAFT_CONFERENCE_SLUG,
      title: "Werkconferentie Najaar 2027",
      subtitle: "In voorbereiding",
      description: "Deze conferentie is nog in voorbereiding en nog niet openbaar.",
      startsAt: amsterdam(date, "13:00"),
      endsAt: amsterdam(date, "17:00"),
      venueId: base.venueId,
      capacity: 120,
      status: "DRAFT",
      coverPhotoId,
    },
    select: { id: true },
  });
  await addSession(tx, conference.id, date, { title: "Welkom", kind: "WELCOME", from: "13:00", to: "13:15", roomId: base.rooms["Grote zaal"] });
  return conference.id;
}

export async function createHiddenReports(
  tx: Tx,
  organisationId: string,
  base: DemoBase,
  upcomingConferenceId: string,
  authorUserId: string,
): Promise<void> {
  await tx.report.create({
    data: {
      organisationId,
      slug: REPORT_DRAFT.slug,
      title: REPORT_DRAFT.title,
      lead: REPORT_DRAFT.lead,
      body: REPORT_DRAFT.body,
      authorName: REPORT_DRAFT.authorName,
      authorUserId,
      status: "DRAFT",
      publishedAt: null,
    },
  });
  const scheduled = await tx.report.create({
    data: {
      organisationId,
      slug: REPORT_SCHEDULED.slug,
      title: REPORT_SCHEDULED.title,
      lead: REPORT_SCHEDULED.lead,
      body: REPORT_SCHEDULED.body,
      authorName: REPORT_SCHEDULED.authorName,
      authorUserId,
      conferenceId: upcomingConferenceId,
      status: "SCHEDULED",
      publishedAt: amsterdam("2027-03-18", "10:00"),
    },
    select: { id: true },
  });
  // In the dossier too, so that a test can prove the dossier page hides it until its moment.
  await tx.dossierReport.create({ data: { dossierId: base.dossierId, reportId: scheduled.id, position: 1 } });
}

export async function createSubscribers(tx: Tx, organisationId: string, now: Date): Promise<void> {
  const confirmed = "nieuwsbrief.lezer@voorbeeld.test";
  await tx.newsletterSubscriber.create({
    data: {
      organisationId,
      email: confirmed,
      emailKey: emailKey(confirmed),
      confirmTokenHash: null,
      unsubscribeTokenHash: hashToken(randomToken()),
      confirmedAt: new Date(now.getTime() - 20 * 86_400_000),
      createdAt: new Date(now.getTime() - 21 * 86_400_000),
    },
  });
  const pending = "nog.bevestigen@voorbeeld.test";
  await tx.newsletterSubscriber.create({
    data: {
      organisationId,
      email: pending,
      emailKey: emailKey(pending),
      confirmTokenHash: hashToken(randomToken()),
      unsubscribeTokenHash: hashToken(randomToken()),
      confirmedAt: null,
      createdAt: new Date(now.getTime() - 2 * 86_400_000),
    },
  });
}

export async function createOtherOrganisation(tx: Tx): Promise<string> {
  const org = await tx.organisation.create({
    data: { slug: OTHER_ORG.slug, name: OTHER_ORG.name, contactEmail: OTHER_ORG.contactEmail },
    select: { id: true },
  });
  const date = "2027-05-20";
  await tx.conference.create({
    data: {
      organisationId: org.id,
      slug: OTHER_DRAFT_CONFERENCE_SLUG,
      title: "Netwerkmiddag Zorg Drechtsteden",
      description: "Een kleine netwerkmiddag voor zorgprofessionals, nog in voorbereiding.",
      startsAt: amsterdam(date, "14:00"),
      endsAt: amsterdam(date, "17:00"),
      capacity: 40,
      status: "DRAFT",
    },
  });
  return org.id;
}
