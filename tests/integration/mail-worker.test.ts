import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startSmtpSink, type SmtpSink } from "../support/smtp";

// lib/env reads SMTP_URL once, when first imported: the app modules are imported only after it is set.
type Modules = {
  db: typeof import("@/lib/db").db;
  enqueueEmail: typeof import("@/lib/mail/outbox").enqueueEmail;
  worker: typeof import("@/lib/mail/worker");
};

describe("mail worker", () => {
  let sink: SmtpSink;
  let app: Modules;
  const previousSmtpUrl = process.env.SMTP_URL;

  beforeAll(async () => {
    sink = await startSmtpSink();
    process.env.SMTP_URL = sink.url;
    app = {
      db: (await import("@/lib/db")).db,
      enqueueEmail: (await import("@/lib/mail/outbox")).enqueueEmail,
      worker: await import("@/lib/mail/worker"),
    };
    // A regular pass only once a minute: an email that arrives within the tests' waits was sent by a kick.
    app.worker.startMailWorker({ intervalMs: 60_000 });
    // Starting twice must not start a second loop (instrumentation can run more than once in development).
    app.worker.startMailWorker({ intervalMs: 60_000 });
  });

  afterAll(async () => {
    await app.worker.stopMailWorker();
    await app.db.$disconnect();
    await sink.close();
    if (previousSmtpUrl === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = previousSmtpUrl;
  });

  it("sends an email at once when kicked after its commit, not at the next regular pass", async () => {
    // Three in a row, each in its own pass: a kick is not used up by the first.
    for (let i = 0; i < 3; i += 1) {
      const to = `kick-${i}-${randomUUID().slice(0, 8)}@example.test`;
      await app.db.$transaction((tx) =>
        app.enqueueEmail(tx, { kind: "test", to, subject: `Direct ${i}`, text: "Bevestiging" }),
      );
      app.worker.kickMailWorker();
      // Well inside the minute before the next regular pass, however busy the machine is.
      await sink.waitForMessage((m) => m.envelopeTo.includes(to), 15_000);
      // The SMTP server has it before the sender has recorded it.
      await vi.waitFor(async () => {
        const row = await app.db.emailOutbox.findFirstOrThrow({ where: { toAddress: to } });
        expect(row.status).toBe("SENT");
      });
    }
  });

  it("delivers without a kick at the next regular pass", async () => {
    await app.worker.stopMailWorker();
    app.worker.startMailWorker({ intervalMs: 300 });
    // The fresh loop's first pass runs at once: the email below must wait for a regular pass after it.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const to = `tick-${randomUUID().slice(0, 8)}@example.test`;
    await app.db.$transaction((tx) => app.enqueueEmail(tx, { kind: "test", to, subject: "Zonder kick", text: "x" }));
    await sink.waitForMessage((m) => m.envelopeTo.includes(to), 4_000);
    expect(sink.messages.filter((m) => m.envelopeTo.includes(to))).toHaveLength(1);
  });
});
