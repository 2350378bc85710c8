// Reads for the development mailbox. Never used in production (the pages answer 404 there).
import "server-only";
import { db } from "@/lib/db";
import { parseStoredAttachments, parseStoredHeaders } from "@/lib/mail/stored-email";

export const MAILBOX_PAGE_SIZE = 200;

export async function listOutboxEmails() {
  return db.emailOutbox.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAILBOX_PAGE_SIZE,
    select: { id: true, kind: true, toAddress: true, subject: true, status: true, createdAt: true },
  });
}

export type OutboxListEntry = Awaited<ReturnType<typeof listOutboxEmails>>[number];

const IMAGE_TYPE = /^image\/[a-z0-9.+-]+$/i;

// cid: images cannot load inside the preview iframe: inline them as data: URLs so a ticket's QR code shows.
function inlineCidImages(html: string, attachments: ReturnType<typeof parseStoredAttachments>): string {
  return attachments.reduce((result, attachment) => {
    if (!attachment.cid || !IMAGE_TYPE.test(attachment.contentType)) return result;
    const dataUrl = `data:${attachment.contentType};base64,${attachment.content.toString("base64")}`;
    return result.split(`cid:${attachment.cid}`).join(dataUrl);
  }, html);
}

export async function getOutboxEmail(id: string) {
  const email = await db.emailOutbox.findUnique({ where: { id } });
  if (!email) return null;
  const attachments = parseStoredAttachments(email.attachments);
  return {
    ...email,
    headers: parseStoredHeaders(email.headers),
    attachments: attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, size: a.content.length })),
    previewHtml: email.htmlBody === null ? null : inlineCidImages(email.htmlBody, attachments),
  };
}
