import { randomUUID } from "node:crypto";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createDevMailLog } from "@/lib/mail/dev-log";
import { enqueueEmail } from "@/lib/mail/outbox";

// Without SMTP_URL in development, each email gets one console line: enough to find it in the dev mailbox,
// never the address or the content.
describe("dev mail log", () => {
  afterEach(() => vi.restoreAllMocks());
  afterAll(() => db.$disconnect());

  it("logs each new email once with kind, subject and dev mailbox link, without the recipient or body", async () => {
    const log = createDevMailLog();
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    const to = `dev-log-${randomUUID().slice(0, 8)}@example.test`;
    const { id } = await db.$transaction((tx) =>
      enqueueEmail(tx, { kind: "registration.confirmed", to, subject: "Je ticket", text: "Geheime beheerlink" }),
    );

    await log();
    await log();

    const lines = info.mock.calls.map((call) => call.map(String).join(" ")).filter((line) => line.includes(id));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("registration.confirmed");
    expect(lines[0]).toContain('"Je ticket"');
    expect(lines[0]).toContain(new URL(`/dev/mailbox/${id}`, env.APP_URL).href);
    const everything = info.mock.calls.flat().map(String).join("\n");
    expect(everything).not.toContain(to);
    expect(everything).not.toContain("Geheime beheerlink");
  });
});
