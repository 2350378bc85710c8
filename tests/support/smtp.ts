import { SMTPServer } from "smtp-server";
import { simpleParser, type AddressObject } from "mailparser";
import type { AddressInfo } from "node:net";

/** A received message as plain JSON-safe data, so the e2e sink can serve it over HTTP unchanged. */
export interface ReceivedMail {
  /** Envelope recipients (RCPT TO): they include Bcc, which the headers do not. */
  envelopeTo: string[];
  envelopeFrom: string | null;
  from: string | null;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  messageId: string | null;
  receivedAt: string;
  /** Authenticated SMTP user, so a test can assert that the app logged in with its credentials. */
  authUser: string | null;
  attachments: { filename: string | null; contentType: string; contentBase64: string }[];
}

export interface SmtpSink {
  readonly port: number;
  /** Ready for SMTP_URL; carries the credentials when the sink requires them. */
  readonly url: string;
  readonly messages: ReceivedMail[];
  waitForMessage(predicate: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  clear(): void;
  close(): Promise<void>;
}

export interface SmtpSinkOptions {
  /** 0 picks a free port. */
  port?: number;
  /** When set, only these credentials are accepted; otherwise any client, with or without AUTH, is. */
  auth?: { user: string; pass: string };
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return objects.flatMap((o) => o.value.flatMap((a) => (a.address ? [a.address.toLowerCase()] : [])));
}

/** The last few messages, for a timeout error that stays readable when the sink holds hundreds. */
export function summarizeMail(messages: ReceivedMail[], shown = 5): string {
  if (messages.length === 0) return "none";
  const last = messages.slice(-shown).map((m) => `"${m.subject}" to ${m.envelopeTo.join(", ")}`);
  const earlier = messages.length - last.length;
  return (earlier > 0 ? [`${earlier} earlier`, ...last] : last).join("; ");
}

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const listeners = new Set<(mail: ReceivedMail) => void>();
  const required = options.auth;

  const server = new SMTPServer({
    // Loopback only and no TLS: nodemailer would otherwise upgrade with STARTTLS against a certificate it rejects.
    secure: false,
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authOptional: required === undefined,
    logger: false,
    onAuth(auth, _session, callback) {
      if (required && (auth.username !== required.user || auth.password !== required.pass)) {
        callback(new Error("Invalid username or password"));
        return;
      }
      callback(null, { user: auth.username ?? "anonymous" });
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const mail: ReceivedMail = {
            envelopeTo: session.envelope.rcptTo.map((a) => a.address.toLowerCase()),
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
            from: addresses(parsed.from)[0] ?? null,
            to: addresses(parsed.to),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: parsed.html || null,
            messageId: parsed.messageId ?? null,
            receivedAt: new Date().toISOString(),
            authUser: typeof session.user === "string" ? session.user : null,
            attachments: parsed.attachments.map((a) => ({
              filename: a.filename ?? null,
              contentType: a.contentType,
              contentBase64: a.content.toString("base64"),
            })),
          };
          messages.push(mail);
          for (const listener of listeners) listener(mail);
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  const credentials = required ? `${encodeURIComponent(required.user)}:${encodeURIComponent(required.pass)}@` : "";

  return {
    port,
    url: `smtp://${credentials}127.0.0.1:${port}`,
    messages,
    clear() {
      messages.length = 0;
    },
    waitForMessage(predicate, timeoutMs = 5_000) {
      const existing = messages.find(predicate);
      if (existing) return Promise.resolve(existing);
      return new Promise((resolve, reject) => {
        const listener = (mail: ReceivedMail) => {
          if (!predicate(mail)) return;
          clearTimeout(timer);
          listeners.delete(listener);
          resolve(mail);
        };
        const timer = setTimeout(() => {
          listeners.delete(listener);
          reject(new Error(`No matching mail within ${timeoutMs} ms (received: ${summarizeMail(messages)})`));
        }, timeoutMs);
        listeners.add(listener);
      });
    },
    close() {
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
