// The one Prisma client, with the pg driver adapter. Cached on globalThis so hot reload in development
// does not open a new pool on every change.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

function createClient(): PrismaClient {
  if (!env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set: start the app with `npm run dev` or set it (see .env.example)");
  }
  const adapter = new PrismaPg(
    {
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
    },
    {
      // node-postgres emits `error` on idle clients when the server goes away; unhandled, Node would exit.
      onPoolError: (err) => console.error("[db] pool error:", err.message),
      onConnectionError: (err) => console.error("[db] connection error:", err.message),
    },
  );
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { podiumPrisma?: PrismaClient };

function client(): PrismaClient {
  globalForPrisma.podiumPrisma ??= createClient();
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
