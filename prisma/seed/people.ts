// Accounts for signing in to the demo, and its organisations' memberships.
import type { Role } from "../../lib/generated/prisma/client";
import { emailKey } from "../../lib/text";
import type { Tx } from "./db";

export const DEMO_ACCOUNTS = [
  { email: "organisator@podium.test", name: "Olga Organisator", org: "demo", role: "OWNER" },
  { email: "redactie@podium.test", name: "Ruud Redactie", org: "demo", role: "ORGANISER" },
  { email: "host@podium.test", name: "Hanna Host", org: "demo", role: "HOST" },
  { email: "eigenaar@drechtsteden.test", name: "Erik Eigenaar", org: "other", role: "OWNER" },
] as const satisfies ReadonlyArray<{ email: string; name: string; org: "demo" | "other"; role: Role }>;

export type AccountEmail = (typeof DEMO_ACCOUNTS)[number]["email"];

export async function createAccounts(
  tx: Tx,
  orgIds: { demo: string; other: string },
  now: Date,
): Promise<Record<AccountEmail, string>> {
  const ids = {} as Record<AccountEmail, string>;
  for (const account of DEMO_ACCOUNTS) {
    const email = emailKey(account.email);
    // A user may already exist (signed in before the seed ran): keep it, only add the membership.
    const user = await tx.user.upsert({
      where: { email },
      create: { email, name: account.name, emailVerified: now, locale: "nl" },
      update: {},
      select: { id: true },
    });
    await tx.membership.create({
      data: { organisationId: orgIds[account.org], userId: user.id, role: account.role },
    });
    ids[account.email] = user.id;
  }
  return ids;
}
