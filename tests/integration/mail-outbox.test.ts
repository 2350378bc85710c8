import { randomUUID } from "node:crypto";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deliverDueEmails } from "@/lib/mail/deliver";
import { renderEmail } from "@/lib/mail/layout";
import { enqueueEmail, type OutboxEmail } from "@/lib/mail/outbox";
import { createMailTransport, type MailTransport } from "@/lib/mail/transport";
import { startSmtpSink, type SmtpSink } from "../support/smtp";

// Other test files share this database and may leave due emails behind: claim generously so ours are
// always in the batch, and assert only on our own rows and addresses.
const LIMIT = 1_000;

function uniqueAddress(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.test`;
}

function plainEmail(to: string, subject: string): OutboxEmail {
  return { kind: "test", to, subject, text: `Tekst voor ${subject}` };
}

async function enqueueCommitted(email: OutboxEmail): Promise<string> {
  const { id } = await db.$transaction((tx) => enqueueEmail(tx, email));
  return id;
}

function rowFor(to: string) {
  return db.emailOutbox.findFirstOrThrow({ where: { toAddress: to } });
}

/** A port on which nothing listens (a sink that was started and closed again). */
async function deadPort(): Promise<number> {
  const sink = await startSmtpSink();
  await sink.close();
  return sink.port;
}

describe("email outbox", () => {
  let sink: SmtpSink;
  let transport: MailTransport;

  beforeAll(async () => {
    sink = await startSmtpSink();
    transport = createMailTransport(sink.url);
  });
  afterAll(async () => {
    await sink.close();
    await db.$disconnect();
  });

  it("never has an email whose transaction rolled back", async () => {
    const to = uniqueAddress("rollback");
    await expect(
      db.$transaction(async (tx) => {
        await enqueueEmail(tx, plainEmail(to, "Teruggedraaid"));
        throw new Error("registration refused");
      }),
    ).rejects.toThrow("registration refused");

    expect(await db.emailOutbox.count({ where: { toAddress: to } })).toBe(0);
    await deliverDueEmails({ transport, limit: LIMIT });
    expect(sink.messages.filter((m) => m.envelopeTo.includes(to))).toHaveLength(0);
  });

  it("delivers a committed email with subject, recipient, text, HTML and attachment", async () => {
    const to = uniqueAddress("committed");
    const { html, text } = renderEmail({
      locale: "nl",
      organiser: { name: "Zorg & Welzijn", contactEmail: "info@zorg.example" },
      preheader: "Je plek is bevestigd",
      heading: "Je bent aangemeld",
      paragraphs: ["Welkom bij Zorg & Welzijn 2026."],
      action: { label: "Bekijk je aanmelding", url: "https://podium.example/aanmelding/abc" },
    });
    const ics = Buffer.from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n");
    const id = await enqueueCommitted({
      kind: "registration-confirmed",
      to,
      subject: "Bevestiging: Zorg & Welzijn 2026",
      text,
      html,
      attachments: [{ filename: "zorg-en-welzijn.ics", contentType: "text/calendar", content: ics }],
    });

    const result = await deliverDueEmails({ transport, limit: LIMIT });
    expect(result.sent).toBeGreaterThanOrEqual(1);

    const mail = await sink.waitForMessage((m) => m.envelopeTo.includes(to));
    expect(mail.subject).toBe("Bevestiging: Zorg & Welzijn 2026");
    expect(mail.to).toEqual([to]);
    expect(mail.from).toBe("no-reply@podium.localhost");
    expect(mail.text).toContain("Welkom bij Zorg & Welzijn 2026.");
    expect(mail.text).toContain("https://podium.example/aanmelding/abc");
    expect(mail.html).toContain('<html lang="nl"');
    expect(mail.html).toContain("Welkom bij Zorg &amp; Welzijn 2026.");
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toMatchObject({ filename: "zorg-en-welzijn.ics", contentType: "text/calendar" });
    expect(Buffer.from(mail.attachments[0]?.contentBase64 ?? "", "base64").equals(ics)).toBe(true);

    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("SENT");
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(row.messageId).toBe(mail.messageId);
    expect(row.lastError).toBeNull();
  });

  it("sends the List-Unsubscribe headers it was given", async () => {
    const to = uniqueAddress("newsletter");
    await enqueueCommitted({
      ...plainEmail(to, "Nieuwsbrief"),
      headers: {
        "List-Unsubscribe": "<https://podium.example/afmelden/xyz>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      },
    });
    // The sink does not expose headers; nodemailer's stream transport returns the raw message instead.
    const raw: string[] = [];
    const stream = nodemailer.createTransport({ streamTransport: true, buffer: true });
    await deliverDueEmails({
      limit: LIMIT,
      transport: {
        async sendMail(message) {
          const info = await stream.sendMail(message);
          raw.push(info.message.toString());
          return info;
        },
      },
    });
    const message = raw.find((m) => m.includes(`To: ${to}`));
    expect(message).toContain("List-Unsubscribe: <https://podium.example/afmelden/xyz>");
    expect(message).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect((await rowFor(to)).status).toBe("SENT");
  });

  it("keeps an email queued while the SMTP server is down and delivers it once it is back", async () => {
    const port = await deadPort();
    const to = uniqueAddress("outage");
    await enqueueCommitted(plainEmail(to, "Tijdens een storing"));
    const downTransport = createMailTransport(`smtp://127.0.0.1:${port}`);

    const before = Date.now();
    const down = await deliverDueEmails({ transport: downTransport, limit: LIMIT });
    expect(down.failed).toBeGreaterThanOrEqual(1);
    const failed = await rowFor(to);
    expect(failed.status).toBe("PENDING");
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toMatch(/ECONNREFUSED|ECONNECTION|ESOCKET/);
    expect(failed.lastError).not.toContain(to);
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 14_000);
    expect(failed.sentAt).toBeNull();

    // Not yet due: another pass leaves it alone.
    await deliverDueEmails({ transport: downTransport, limit: LIMIT });
    expect((await rowFor(to)).attempts).toBe(1);

    const back = await startSmtpSink({ port });
    try {
      // Instead of waiting out the 15 s backoff.
      await db.emailOutbox.update({ where: { id: failed.id }, data: { nextAttemptAt: new Date() } });
      await deliverDueEmails({ transport: downTransport, limit: LIMIT });
      const mail = await back.waitForMessage((m) => m.envelopeTo.includes(to));
      expect(mail.subject).toBe("Tijdens een storing");
      const sent = await rowFor(to);
      expect(sent.status).toBe("SENT");
      expect(sent.attempts).toBe(2);
      expect(sent.messageId).toBe(mail.messageId);
    } finally {
      await back.close();
    }
  });

  it("gives up after the last attempt and marks the email FAILED", async () => {
    const to = uniqueAddress("give-up");
    const id = await enqueueCommitted(plainEmail(to, "Opgegeven"));
    await db.emailOutbox.update({ where: { id }, data: { attempts: 9 } });

    await deliverDueEmails({ transport: createMailTransport(`smtp://127.0.0.1:${await deadPort()}`), limit: LIMIT });
    const row = await rowFor(to);
    expect(row.status).toBe("FAILED");
    expect(row.attempts).toBe(10);
    expect(row.lastError).toBeTruthy();

    // A FAILED email is never tried again, also when a working server is there.
    await db.emailOutbox.update({ where: { id }, data: { nextAttemptAt: new Date() } });
    await deliverDueEmails({ transport, limit: LIMIT });
    expect(sink.messages.filter((m) => m.envelopeTo.includes(to))).toHaveLength(0);
  });

  it("delivers each email exactly once when two senders run at the same time", async () => {
    const addresses = Array.from({ length: 12 }, (_, i) => uniqueAddress(`concurrent-${i}`));
    for (const to of addresses) await enqueueCommitted(plainEmail(to, `Gelijktijdig ${to}`));

    // Small batches so both senders keep claiming while the other is mid-way.
    const drain = async () => {
      let total = 0;
      for (;;) {
        const { sent, failed } = await deliverDueEmails({ transport: createMailTransport(sink.url), limit: 2 });
        if (sent + failed === 0) return total;
        total += sent;
      }
    };
    const [first, second] = await Promise.all([drain(), drain()]);
    expect(first + second).toBeGreaterThanOrEqual(addresses.length);

    for (const to of addresses) {
      expect(sink.messages.filter((m) => m.envelopeTo.includes(to))).toHaveLength(1);
      const row = await rowFor(to);
      expect(row.status).toBe("SENT");
      expect(row.attempts).toBe(1);
    }
  });

  it("skips an email another sender is claiming right now instead of waiting for it", async () => {
    const lockedTo = uniqueAddress("locked");
    const freeTo = uniqueAddress("free");
    const lockedId = await enqueueCommitted(plainEmail(lockedTo, "Vergrendeld"));
    await enqueueCommitted(plainEmail(freeTo, "Vrij"));

    // Another sender, caught in the middle of its claim: it holds the row lock.
    let unlock: () => void = () => {};
    let locked: () => void = () => {};
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM email_outbox WHERE id = ${lockedId} FOR UPDATE`;
        locked();
        await new Promise<void>((resolve) => (unlock = resolve));
      },
      { timeout: 15_000 },
    );
    await isLocked;
    try {
      const blocked = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error("deliverDueEmails waited for a locked row")), 3_000).unref(),
      );
      await Promise.race([deliverDueEmails({ transport, limit: LIMIT }), blocked]);
    } finally {
      unlock();
      await holder;
    }
    await sink.waitForMessage((m) => m.envelopeTo.includes(freeTo));
    const skipped = await rowFor(lockedTo);
    expect(skipped.status).toBe("PENDING");
    expect(skipped.attempts).toBe(0);

    await deliverDueEmails({ transport, limit: LIMIT });
    await sink.waitForMessage((m) => m.envelopeTo.includes(lockedTo));
    expect(sink.messages.filter((m) => m.envelopeTo.includes(lockedTo))).toHaveLength(1);
  });

  it("holds a claimed email for a lease, so a sender that dies mid-way delays it but never loses it", async () => {
    const to = uniqueAddress("lease");
    const id = await enqueueCommitted(plainEmail(to, "Na een crash"));

    // A sender that hangs in the SMTP conversation, as one that crashed would never finish it.
    let release: (error: Error) => void = () => {};
    let claimed: () => void = () => {};
    const inConversation = new Promise<void>((resolve) => (claimed = resolve));
    let calls = 0;
    const hanging: MailTransport = {
      sendMail() {
        calls += 1;
        if (calls > 1) return Promise.reject(new Error("sender gone"));
        claimed();
        return new Promise((_, reject) => (release = reject));
      },
    };
    const stuck = deliverDueEmails({ transport: hanging, limit: LIMIT });
    await inConversation;

    const leased = await rowFor(to);
    expect(leased.status).toBe("PENDING");
    // About two minutes ahead, read back through Prisma: also catches a lease computed in the wrong time zone.
    expect(leased.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 100_000);
    expect(leased.nextAttemptAt.getTime()).toBeLessThan(Date.now() + 130_000);
    await deliverDueEmails({ transport, limit: LIMIT });
    expect(sink.messages.filter((m) => m.envelopeTo.includes(to))).toHaveLength(0);

    // The lease runs out (simulated), and another sender delivers it.
    await db.emailOutbox.update({ where: { id }, data: { nextAttemptAt: new Date() } });
    await deliverDueEmails({ transport, limit: LIMIT });
    await sink.waitForMessage((m) => m.envelopeTo.includes(to));

    // The first sender's late failure does not overwrite the delivery.
    release(new Error("connection lost"));
    await stuck;
    const row = await rowFor(to);
    expect(row.status).toBe("SENT");
    expect(row.lastError).toBeNull();
  });
});
