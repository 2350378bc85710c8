import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpSink, type SmtpSink } from "../support/smtp";

// The mail sink is what every mail test trusts: check that it receives what a real SMTP client sends.
describe("SMTP sink", () => {
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = await startSmtpSink({ auth: { user: "podium", pass: "s3cret" } });
  });
  afterAll(() => sink.close());

  it("receives and parses a message sent with credentials, including Bcc recipients", async () => {
    const transport = nodemailer.createTransport(sink.url);
    await transport.sendMail({
      from: "Podium <noreply@podium.test>",
      to: "Ada@Example.test",
      bcc: "hidden@example.test",
      subject: "Je aanmelding",
      text: "Welkom bij de conferentie",
      html: "<p>Welkom bij de conferentie</p>",
    });
    const mail = await sink.waitForMessage((m) => m.subject === "Je aanmelding", 2_000);
    expect(mail.to).toEqual(["ada@example.test"]);
    expect(mail.envelopeTo).toEqual(["ada@example.test", "hidden@example.test"]);
    expect(mail.from).toBe("noreply@podium.test");
    expect(mail.text.trim()).toBe("Welkom bij de conferentie");
    expect(mail.html).toContain("<p>Welkom bij de conferentie</p>");
    expect(mail.authUser).toBe("podium");
  });

  it("rejects wrong credentials", async () => {
    const transport = nodemailer.createTransport(`smtp://podium:wrong@127.0.0.1:${sink.port}`);
    await expect(transport.sendMail({ from: "a@b.test", to: "c@d.test", subject: "x", text: "x" })).rejects.toThrow(
      /Invalid username or password/,
    );
  });

  it("says what it did receive when no message matches in time", async () => {
    await expect(sink.waitForMessage((m) => m.subject === "never sent", 100)).rejects.toThrow(
      /No matching mail within 100 ms \(received: "Je aanmelding" to ada@example.test, hidden@example.test\)/,
    );
  });
});
