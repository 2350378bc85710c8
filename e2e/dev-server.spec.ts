// `npm run dev` on another port than 3000, opened under either loopback name: links in pages and emails
// point to the port in use, the dev server's files and HMR socket are served to 127.0.0.1 as to localhost,
// and the pages' policy allows React's eval there (and only there: e2e/security-headers.spec.ts). Runs
// scripts/dev.ts itself, against a PostgreSQL of its own, without APP_URL.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { PORTS } from "../scripts/lib/ports";
import { startPostgres, type OwnProcess } from "./support/own-server";
import { expect, test } from "./support/fixtures";

const PORT = PORTS.devServerApp;
const DOOR = "/checkin/samen-sterker-in-de-wijk-2027";

let postgres: (OwnProcess & { url: string }) | undefined;
let dev: OwnProcess | undefined;
let output = "";

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function query<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: postgres!.url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

test.describe.configure({ mode: "serial", timeout: 300_000 });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  postgres = await startPostgres(".data/dev-server-pg", PORTS.devServerDatabase, "podium_dev_server");
  // Without APP_URL: the point of the test (spawn leaves out variables that are undefined).
  const env: NodeJS.ProcessEnv = { ...process.env, APP_URL: undefined, DATABASE_URL: postgres.url, PORT: String(PORT), NEXT_TELEMETRY_DISABLED: "1" };
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/dev.ts"], { cwd: process.cwd(), env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (chunk: Buffer) => void (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => void (output += chunk.toString()));
  dev = {
    stop: async () => {
      const pid = child.pid;
      if (pid === undefined || !groupAlive(pid)) return;
      process.kill(-pid, "SIGTERM");
      const deadline = Date.now() + 15_000;
      while (groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      if (groupAlive(pid)) process.kill(-pid, "SIGKILL");
    },
  };
  // The first request compiles the route: slow on a busy machine.
  await expect
    .poll(() => fetch(`http://localhost:${PORT}/api/health`).then((r) => r.status, () => 0), { timeout: 240_000, intervals: [1_000] })
    .toBe(200)
    .catch((error: unknown) => {
      throw new Error(`npm run dev did not answer:\n${output}\n${String(error)}`);
    });
});

test.afterAll(async () => {
  await dev?.stop();
  await postgres?.stop();
});

test("links in pages and emails point to the port in use", async ({ request }) => {
  const base = `http://localhost:${PORT}`;
  const page = await (await fetch(`${base}/conferenties/samen-sterker-in-de-wijk-2027`)).text();
  expect(page).toContain(`<link rel="canonical" href="${base}/conferenties/samen-sterker-in-de-wijk-2027"`);

  const email = `poort-${Date.now()}@voorbeeld.test`;
  const signUp = await request.post(`${base}/api/conferences/samen-sterker-in-de-wijk-2027/registrations`, {
    data: { name: "Pim Poort", email, privacyConsent: true },
  });
  expect(signUp.status()).toBe(202);
  // Written by the mail worker from the sign-up's draft; in development it stays in the outbox (dev mailbox).
  await expect
    .poll(async () => (await query<{ text_body: string }>("SELECT text_body FROM email_outbox WHERE to_address = $1 AND draft IS NULL", [email]))[0]?.text_body ?? "", {
      timeout: 30_000,
    })
    .toContain(`${base}/aanmelding/`);
});

test("opened as 127.0.0.1: the HMR socket connects, the door's search works, the policy allows eval", async ({ page, context }) => {
  const base = `http://127.0.0.1:${PORT}`;
  // A host's session, as the emailed link would have made it (the link itself points to APP_URL's localhost).
  const token = randomBytes(24).toString("hex");
  await query(
    "INSERT INTO sessions (session_token, user_id, expires, updated_at) SELECT $1, id, now() + interval '1 day', now() FROM users WHERE email = 'host@podium.test'",
    [token],
  );
  await context.addCookies([{ name: "authjs.session-token", value: token, url: base }]);

  const hmr = new Promise<string>((resolve) => {
    page.on("websocket", (socket) => {
      if (!socket.url().includes("/_next/")) return;
      socket.on("framereceived", () => resolve("connected"));
      socket.on("socketerror", (error) => resolve(`error: ${error}`));
      socket.on("close", () => resolve("closed"));
    });
  });
  const response = await page.goto(`${base}${DOOR}`, { timeout: 240_000 });
  expect(response?.status()).toBe(200);
  const policy = response?.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'unsafe-eval'/);
  expect(await hmr).toBe("connected");

  await page.getByLabel("Zoek op naam of organisatie").fill("dekker");
  await expect(page.getByRole("button", { name: /^Inge Dekker/ })).toBeVisible({ timeout: 60_000 });
});
