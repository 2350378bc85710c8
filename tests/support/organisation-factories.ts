// Organisations and their people for the authorization tests: uniquely named, so test files can share one
// database. A CurrentUser is what lib/auth/session.ts would return for that person's session.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import type { CurrentUser } from "@/lib/auth/session";
import { uniqueEmail, uniqueSuffix } from "./factories";

export interface TestOrganisation {
  id: string;
  slug: string;
  name: string;
  owner: CurrentUser;
  organiser: CurrentUser;
  host: CurrentUser;
}

export async function createUser(label: string): Promise<CurrentUser> {
  const email = uniqueEmail(label);
  const user = await db.user.create({ data: { email, name: `Test ${label}` }, select: { id: true, email: true, name: true } });
  return user;
}

/** A session row as Auth.js writes it at sign-in; returns the token its cookie carries. */
export async function createSession(user: CurrentUser, expires = new Date(Date.now() + 24 * 60 * 60 * 1000)): Promise<string> {
  const sessionToken = randomBytes(32).toString("hex");
  await db.session.create({ data: { sessionToken, userId: user.id, expires } });
  return sessionToken;
}

export async function addMember(organisationId: string, user: CurrentUser, role: Role): Promise<string> {
  const membership = await db.membership.create({ data: { organisationId, userId: user.id, role }, select: { id: true } });
  return membership.id;
}

/** An organisation with one owner, one organiser and one host. */
export async function createOrganisation(): Promise<TestOrganisation> {
  const suffix = uniqueSuffix();
  const organisation = await db.organisation.create({
    data: { slug: `org-${suffix}`, name: `Organisatie ${suffix}`, contactEmail: `info-${suffix}@organisatie.example` },
    select: { id: true, slug: true, name: true },
  });
  const [owner, organiser, host] = await Promise.all([createUser("eigenaar"), createUser("organisator"), createUser("host")]);
  await addMember(organisation.id, owner, "OWNER");
  await addMember(organisation.id, organiser, "ORGANISER");
  await addMember(organisation.id, host, "HOST");
  return { ...organisation, owner, organiser, host };
}

export async function membershipId(organisationId: string, user: CurrentUser): Promise<string> {
  const membership = await db.membership.findUniqueOrThrow({
    where: { organisationId_userId: { organisationId, userId: user.id } },
    select: { id: true },
  });
  return membership.id;
}

/** Everything a members action could change in an organisation, to prove a refused one changed nothing. */
export async function organisationSnapshot(organisationId: string) {
  const [memberships, invitations, audit, outbox] = await Promise.all([
    db.membership.findMany({ where: { organisationId }, orderBy: { id: "asc" } }),
    db.memberInvitation.findMany({ where: { organisationId }, orderBy: { id: "asc" } }),
    db.auditLogEntry.findMany({ where: { organisationId }, orderBy: { id: "asc" } }),
    db.emailOutbox.count(),
  ]);
  return { memberships, invitations, audit, outbox };
}
