import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

// Whose public site this is. Podium's public pages show every organisation's published conferences, but a
// newsletter belongs to one organisation: SITE_ORGANISATION names it; without it, the organisation of the
// newest published conference (in a single-organisation installation, the only one) is the sensible guess.
export async function siteOrganisationId(): Promise<string | null> {
  if (env.SITE_ORGANISATION) {
    const organisation = await db.organisation.findUnique({ where: { slug: env.SITE_ORGANISATION }, select: { id: true } });
    if (!organisation) throw new Error(`SITE_ORGANISATION: no organisation with slug "${env.SITE_ORGANISATION}"`);
    return organisation.id;
  }
  const newest = await db.conference.findFirst({
    where: { status: "PUBLISHED" },
    orderBy: { startsAt: "desc" },
    select: { organisationId: true },
  });
  return newest?.organisationId ?? null;
}
