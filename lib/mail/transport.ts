// The SMTP transport: one per process, one connection per message (no pool), and timeouts short enough
// that a dead mail server costs a delivery pass a few seconds, far less than the claim's lease.
import "server-only";
import nodemailer, { type SendMailOptions } from "nodemailer";
import SMTPTransport from "nodemailer/lib/smtp-transport";
import { env } from "@/lib/env";

// The one method the sender uses, so a test can hand in any nodemailer transport (or a stand-in).
export interface MailTransport {
  sendMail(message: SendMailOptions): Promise<{ messageId: string }>;
}

/** Builds a transport for an smtp:// or smtps:// URL (credentials and options as nodemailer reads them). */
export function createMailTransport(url: string): MailTransport {
  // Built from SMTPTransport rather than createTransport({ url, ... }): createTransport drops every other
  // option when it is given a URL, and the timeouts below matter.
  return nodemailer.createTransport(
    new SMTPTransport({
      url,
      connectionTimeout: 5_000,
      greetingTimeout: 5_000,
      socketTimeout: 15_000,
      // No SMTP conversation is logged: it contains recipients' addresses.
      logger: false,
    }),
  );
}

const globalForMail = globalThis as unknown as { podiumMailTransport?: MailTransport };

/** The transport from SMTP_URL, created on first use; null when SMTP_URL is not set. */
export function defaultMailTransport(): MailTransport | null {
  if (!env.SMTP_URL) return null;
  globalForMail.podiumMailTransport ??= createMailTransport(env.SMTP_URL);
  return globalForMail.podiumMailTransport;
}
