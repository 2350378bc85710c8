// The seed's own Prisma client (lib/db.ts imports "server-only", which a plain script cannot load).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/generated/prisma/client";
import type { PhotoData } from "./images";

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export function createSeedClient(connectionString: string): PrismaClient {
  const adapter = new PrismaPg(
    { connectionString, max: 2, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 1_000, application_name: "podium-seed", options: "-c TimeZone=UTC" },
    { onPoolError: (err) => console.error("[seed] pool error:", err.message) },
  );
  return new PrismaClient({ adapter });
}

export async function createPhoto(tx: Tx, organisationId: string, data: PhotoData): Promise<string> {
  const photo = await tx.photo.create({ data: { organisationId, ...data }, select: { id: true } });
  return photo.id;
}
