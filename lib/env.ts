// The environment, parsed once. next.config.js imports this file, so a bad value stops `next build` and
// `next start` with a message naming the variable. Keep in step with .env.example.
import { z } from "zod";

const flag = z
  .enum(["true", "false", "1", "0"])
  .optional()
  .transform((v) => v === "true" || v === "1");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // Optional while building; lib/db.ts refuses to run queries without it.
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(15000),
  // Unset: this machine at the port in use (PORT; npm run dev and next dev set it), so that links in pages and
  // emails work in development on any port. In production set it to the public address.
  APP_URL: z.url().default(`http://localhost:${/^\d{1,5}$/.test(process.env.PORT ?? "") ? process.env.PORT : 3000}`),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Podium <no-reply@podium.localhost>"),
  UPLOADS_DIR: z.string().min(1).default(".data/uploads"),
  // How many reverse proxies in front of the app append to X-Forwarded-For; 0 = none.
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  // Sign-ups per client address per 10 minutes (web form and API together).
  RATE_LIMIT_REGISTRATIONS: z.coerce.number().int().min(1).default(20),
  // Sign-in link requests per client address per 15 minutes (an office behind one NAT address shares it).
  RATE_LIMIT_SIGN_IN_PER_CLIENT: z.coerce.number().int().min(1).default(20),
  // Requests per API token per minute (/api/v1).
  RATE_LIMIT_API: z.coerce.number().int().min(1).default(120),
  // Webhook targets on loopback, private or link-local addresses: refused unless this is set (a self-hosted
  // setup whose receiving system sits in the same network; the tests' receiver on loopback).
  WEBHOOKS_ALLOW_PRIVATE_TARGETS: flag,
  // The organisation whose public site this is (its slug): newsletter sign-ups on the site subscribe to it.
  // Unset: the organisation of the newest published conference.
  SITE_ORGANISATION: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be an organisation slug, e.g. werkplaats-sociaal-domein")
      .optional(),
  ),
  // Development only: log every email to the console as well as to the dev mailbox.
  MAIL_LOG: flag,
});

export type Env = z.infer<typeof schema>;

function parse(): Env {
  const result = schema.safeParse(process.env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment (see .env.example):\n${lines.join("\n")}`);
  }
  return result.data;
}

export const env = parse();
