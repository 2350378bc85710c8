// The one Prisma client, with the pg driver adapter. Cached on globalThis so hot reload in development
// does not open a new pool on every change.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { pgPool } from "@/lib/db-pool";

function createClient(pool: pg.Pool): PrismaClient {
  const adapter = new PrismaPg(pool, {
    onConnectionError: (err) => console.error("[db] connection error:", err.message),
    // $disconnect() ends the pool too, so scripts that disconnect can exit.
    disposeExternalPool: true,
  });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { podiumPrisma?: PrismaClient };

export { pgPool };

function client(): PrismaClient {
  globalForPrisma.podiumPrisma ??= createClient(pgPool());
  return globalForPrisma.podiumPrisma;
}

// Created on first use, so that `next build` can import modules that use it without a database.
export const db = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const real = client();
    const value: unknown = Reflect.get(real, property, real);
    return typeof value === "function" ? value.bind(real) : value;
  },
});

export type { PrismaClient };
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
