// A conference of its own for the reverse-proxy spec and benchmark (e2e/reverse-proxy.spec.ts,
// scripts/bench-proxy.ts), in a database of their own: an organisation with a contact address and one published
// conference whose registration is open, with no workshops. And organisers, each the owner of an organisation of
// their own, who then sign in as anyone does (by the emailed link). Written with plain SQL (pg), as the spec's loader
// cannot load the Prisma client; the ids are random, like Prisma's own.
import { randomBytes } from "node:crypto";
import pg from "pg";

export interface ProxyConference {
  slug: string;
  title: string;
  capacity: number;
}

const DAY = 24 * 60 * 60 * 1000;
const id = () => `c${randomBytes(12).toString("hex")}`;

async function insertOrganisation(client: pg.Client, run: string): Promise<{ id: string; name: string }> {
  const organisation = { id: id(), name: `Netwerk Proxy ${run}` };
  await client.query(
    `INSERT INTO organisations (id, slug, name, contact_email, updated_at) VALUES ($1, $2, $3, $4, now())`,
    [organisation.id, `proxy-${run}`, organisation.name, `info-${run}@proxy.example`],
  );
  return organisation;
}

export interface ProxyOrganiser {
  email: string;
  organisationName: string;
}

/** A user who owns an organisation of their own. */
export async function createProxyOrganiser(databaseUrl: string, name: string): Promise<ProxyOrganiser> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const run = randomBytes(3).toString("hex");
    const organisation = await insertOrganisation(client, run);
    const userId = id();
    const email = `organiser-${run}@proxy.example`;
    await client.query(`INSERT INTO users (id, name, email, updated_at) VALUES ($1, $2, $3, now())`, [userId, name, email]);
    await client.query(
      `INSERT INTO memberships (id, organisation_id, user_id, role, updated_at) VALUES ($1, $2, $3, 'OWNER', now())`,
      [id(), organisation.id, userId],
    );
    return { email, organisationName: organisation.name };
  } finally {
    await client.end();
  }
}

export async function createProxyConference(databaseUrl: string, capacity = 400): Promise<ProxyConference> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const run = randomBytes(3).toString("hex");
    const { id: organisationId } = await insertOrganisation(client, run);
    const slug = `proxy-conferentie-${run}`;
    const title = `Proxyconferentie ${run}`;
    const startsAt = new Date(Date.now() + 60 * DAY);
    await client.query(
      `INSERT INTO conferences (id, organisation_id, slug, title, description, starts_at, ends_at, capacity,
         registration_opens_at, status, published_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'PUBLISHED', now(), now())`,
      [
        id(),
        organisationId,
        slug,
        title,
        "Een conferentie om de reverse proxy mee te beproeven.",
        startsAt,
        new Date(startsAt.getTime() + 8 * 60 * 60 * 1000),
        capacity,
        new Date(Date.now() - DAY),
      ],
    );
    return { slug, title, capacity };
  } finally {
    await client.end();
  }
}
