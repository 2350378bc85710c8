// The one Prisma client, with the pg driver adapter. Cached on globalThis so hot reload in development
// does not open a new pool on every change.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

function createPool(): pg.Pool {
  if (!env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set: start the app with `npm run dev` or set it (see .env.example)");
  }
  const pool = new pg.Pool({
    connectionString: env.DATABASE_URL,
    max: env.DB_POOL_MAX,
    // Without these a dead database makes requests hang instead of failing fast with the 503 page.
    connectionTimeoutMillis: env.DB_CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 10_000,
    statement_timeout: env.DB_STATEMENT_TIMEOUT_MS,
    application_name: "podium",
    // Prisma's pg adapter sends and reads timestamps as UTC wall-clock text without an offset. With the
    // session in UTC that text means what it says, and SQL's now() agrees with the application's clock
    // whatever zone the database server runs in.
    options: "-c TimeZone=UTC",
  });
  // node-postgres emits `error` on idle clients when the server goes away; unhandled, Node would exit.
  pool.on("error", (err) => console.error("[db] pool error:", err.message));
  return pool;
}

function createClient(pool: pg.Pool): PrismaClient {
  const adapter = new PrismaPg(pool, {
    onConnectionError: (err) => console.error("[db] connection error:", err.message),
    // $disconnect() ends the pool too, so scripts that disconnect can exit.
    disposeExternalPool: true,
  });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { podiumPrisma?: PrismaClient; podiumPool?: pg.Pool };

/**
 * The connection pool under Prisma, for the few hot paths where Prisma's per-query work shows (the
 * registration rush, the rate limiter): plain node-postgres on the same connections and settings.
 */
export function pgPool(): pg.Pool {
  // After db.$disconnect() (which ends it) a later query gets a new one, as Prisma's would.
  if (!globalForPrisma.podiumPool || globalForPrisma.podiumPool.ended) globalForPrisma.podiumPool = createPool();
  return globalForPrisma.podiumPool;
}

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
