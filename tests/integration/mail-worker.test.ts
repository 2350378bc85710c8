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
    app.worker.startMailWorker();
    // Starting twice must not start a second loop (instrumentation can run more than once in development).
    app.worker.startMailWorker();
  });

  afterAll(async () => {
    await app.worker.stopMailWorker();
    await app.db.$disconnect();
    await sink.close();
    if (previousSmtpUrl === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = previousSmtpUrl;
  });

  it("sends an email within a second of the kick that follows its commit", async () => {
    // Three in a row: the worker's own 2 s tick could by chance deliver one in time, not all three.
    for (let i = 0; i < 3; i += 1) {
      const to = `kick-${i}-${randomUUID().slice(0, 8)}@example.test`;
      await app.db.$transaction((tx) =>
        app.enqueueEmail(tx, { kind: "test", to, subject: `Direct ${i}`, text: "Bevestiging" }),
      );
      const committedAt = Date.now();
      app.worker.kickMailWorker();
      await sink.waitForMessage((m) => m.envelopeTo.includes(to), 900);
      expect(Date.now() - committedAt).toBeLessThan(900);
      // The SMTP server has it before the sender has recorded it.
      await vi.waitFor(async () => {
        const row = await app.db.emailOutbox.findFirstOrThrow({ where: { toAddress: to } });
        expect(row.status).toBe("SENT");
      });
      // Land somewhere else in the worker's 2 s cycle for the next round.
      await new Promise((resolve) => setTimeout(resolve, 350));
    }
  });

  it("delivers without a kick at the next regular pass", async () => {
    const to = `tick-${randomUUID().slice(0, 8)}@example.test`;
    await app.db.$transaction((tx) => app.enqueueEmail(tx, { kind: "test", to, subject: "Zonder kick", text: "x" }));
    await sink.waitForMessage((m) => m.envelopeTo.includes(to), 4_000);
    expect(sink.messages.filter((m) => m.envelopeTo.includes(to))).toHaveLength(1);
  });
});
