// Demo data for Podium: `npx tsx prisma/seed.ts` (or `npm run db:seed`) with DATABASE_URL set.
// Seeds once: when the demo organisation exists it changes nothing. Otherwise it writes the generated images
// (only missing ones) under UPLOADS_DIR/demo and then creates everything else in one transaction.
import path from "node:path";
import { DEMO_ORG } from "./seed/content";
import { createSeedClient } from "./seed/db";
import { CONFERENCE_2017_SLUG, createDemo2017 } from "./seed/demo-2017";
import {
  DRAFT_CONFERENCE_SLUG,
  OTHER_DRAFT_CONFERENCE_SLUG,
  createDraftConference,
  createHiddenReports,
  createOtherOrganisation,
  createSubscribers,
} from "./seed/extras";
import { prepareImages } from "./seed/images";
import { createDemoBase } from "./seed/organisation";
import { DEMO_ACCOUNTS, createAccounts } from "./seed/people";
import { UPCOMING_SLUG, createUpcoming } from "./seed/upcoming";
import { REPORT_2017 } from "./seed/content-report";

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set: set it to the database to seed (postgresql://...)");
    process.exitCode = 1;
    return;
  }
  const prisma = createSeedClient(url);
  try {
    const existing = await prisma.organisation.findUnique({ where: { slug: DEMO_ORG.slug }, select: { id: true } });
    if (existing) {
      console.log(`Demo is already present (organisation "${DEMO_ORG.slug}"): nothing changed.`);
      return;
    }

    const uploadsDir = path.resolve(process.env.UPLOADS_DIR ?? ".data/uploads");
    const images = await prepareImages(uploadsDir);
    console.log(`Images: ${images.written} written, ${Object.keys(images.scenes).length + images.avatars.size - images.written} already present in ${path.join(uploadsDir, "demo")}`);

    const now = new Date();
    await prisma.$transaction(
      async (tx) => {
        const demo = await tx.organisation.create({
          data: { slug: DEMO_ORG.slug, name: DEMO_ORG.name, website: DEMO_ORG.website, contactEmail: DEMO_ORG.contactEmail },
          select: { id: true },
        });
        const other = await createOtherOrganisation(tx);
        const users = await createAccounts(tx, { demo: demo.id, other }, now);
        const base = await createDemoBase(tx, demo.id, images);
        await createDemo2017(tx, demo.id, base, images, users["redactie@podium.test"]);
        const upcoming = await createUpcoming(tx, demo.id, base, images, now);
        await createDraftConference(tx, demo.id, base, images);
        await createHiddenReports(tx, demo.id, base, upcoming.conferenceId, users["redactie@podium.test"]);
        await createSubscribers(tx, demo.id, now);
      },
      { maxWait: 10_000, timeout: 120_000 },
    );

    console.log(`Demo created for "${DEMO_ORG.name}".`);
    console.log(`  conferences: ${CONFERENCE_2017_SLUG} (past, report ${REPORT_2017.slug}), ${UPCOMING_SLUG} (registration open)`);
    console.log(`  drafts (not public): ${DRAFT_CONFERENCE_SLUG}, ${OTHER_DRAFT_CONFERENCE_SLUG}`);
    console.log("Demo accounts (sign in with the email address):");
    for (const account of DEMO_ACCOUNTS) {
      const org = account.org === "demo" ? DEMO_ORG.slug : "netwerk-zorg-drechtsteden";
      console.log(`  ${account.email.padEnd(28)} ${account.role.padEnd(9)} ${org}`);
    }
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((err: unknown) => {
  console.error("Seeding failed:", err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
});
