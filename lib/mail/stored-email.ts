// The shape of an outbox row's Json columns, shared by the writer, the sender and the dev mailbox. The
// columns are plain Json in the database, so what comes back is checked rather than trusted.
import { z } from "zod";

export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
  /** Content-ID, for an image the HTML refers to as `cid:...`. */
  cid?: string;
}

export interface OutboxEmail {
  /** What caused the email ("registration-confirmed", "newsletter-confirm"), for logs and the dev mailbox. */
  kind: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: EmailAttachment[];
  /** Extra headers such as List-Unsubscribe and List-Unsubscribe-Post. */
  headers?: Record<string, string>;
}

const storedAttachmentSchema = z.object({
  filename: z.string(),
  contentType: z.string(),
  content: z.base64(),
  cid: z.string().optional(),
});

export type StoredAttachment = z.infer<typeof storedAttachmentSchema>;

const storedAttachmentsSchema = z.array(storedAttachmentSchema);
const storedHeadersSchema = z.record(z.string(), z.string());

export function toStoredAttachments(attachments: EmailAttachment[]): StoredAttachment[] {
  return attachments.map(({ filename, contentType, content, cid }) => ({
    filename,
    contentType,
    content: content.toString("base64"),
    ...(cid === undefined ? {} : { cid }),
  }));
}

export function parseStoredAttachments(value: unknown): EmailAttachment[] {
  return storedAttachmentsSchema.parse(value).map(({ content, cid, ...rest }) => ({
    ...rest,
    content: Buffer.from(content, "base64"),
    ...(cid === undefined ? {} : { cid }),
  }));
}

export function parseStoredHeaders(value: unknown): Record<string, string> {
  return storedHeadersSchema.parse(value);
}
