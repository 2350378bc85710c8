// Reads the SMTP sink that e2e/support/stack.ts runs next to the app.
import { PORTS } from "../../scripts/lib/ports";
import { summarizeMail, type ReceivedMail } from "../../tests/support/smtp";

export type { ReceivedMail };

const MAIL_API = `http://127.0.0.1:${PORTS.mailHttp}/messages`;

export interface MailQuery {
  /** A recipient address (envelope, so Bcc counts); compared case-insensitively. */
  to: string;
  /** A substring of the subject, or a pattern. */
  subject?: string | RegExp;
}

export async function listMail(): Promise<ReceivedMail[]> {
  const response = await fetch(MAIL_API);
  if (!response.ok) throw new Error(`mail sink answered ${response.status}`);
  return (await response.json()) as ReceivedMail[];
}

/** Clears the sink. Tests that run in parallel should rather use unique recipient addresses. */
export async function clearMail(): Promise<void> {
  await fetch(MAIL_API, { method: "DELETE" });
}

function matches(mail: ReceivedMail, query: MailQuery): boolean {
  if (!mail.envelopeTo.includes(query.to.toLowerCase())) return false;
  if (query.subject === undefined) return true;
  return typeof query.subject === "string" ? mail.subject.includes(query.subject) : query.subject.test(mail.subject);
}

/** The newest mail matching the query; delivery is asynchronous (outbox), so this polls until the timeout. */
export async function waitForMail(query: MailQuery, timeoutMs = 10_000): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  let seen: ReceivedMail[] = [];
  while (Date.now() < deadline) {
    seen = await listMail();
    const found = seen.filter((mail) => matches(mail, query)).at(-1);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const subject = String(query.subject ?? "(any)");
  throw new Error(`No mail to ${query.to} with subject ${subject} within ${timeoutMs} ms (received: ${summarizeMail(seen)})`);
}
