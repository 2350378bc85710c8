// Podium's one email layout: an HTML version and a plain-text version from the same inputs. Table-based
// with inline CSS only, because that is what every mail client renders the same way.
import type { Locale } from "@/i18n/routing";
import { assertWebUrl, escapeHtml, style, textToHtml } from "@/lib/mail/html";
import { translatorsFor } from "@/lib/i18n/translator";

const mailTranslator = translatorsFor("mail");

const PETROL = "#0b4652";
const PAPER = "#fbf8f3";
const INK = "#1c2b2f";
const MUTED = "#4d5f64";
const LINK = "#0b5866";
const FONT = "'Source Sans 3', -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

export interface EmailContent {
  locale: Locale;
  /** The line mail clients show after the subject in the inbox; hidden in the message itself. */
  preheader: string;
  heading: string;
  /** Plain text, escaped here; a line break inside a paragraph is kept. */
  paragraphs: string[];
  /**
   * An image sent as an attachment with this Content-ID (e.g. a ticket's QR code), shown after the
   * paragraphs. Only the HTML version has it, so the paragraphs must carry the same information in words.
   */
  image?: { cid: string; alt: string; width: number; height: number };
  /** The one thing the recipient should do, shown as a button. */
  action?: { label: string; url: string };
  /** Replaces the default footer, e.g. with why they receive this and how to unsubscribe. */
  footer?: string;
  /**
   * Who sends this: the organisation whose conference or newsletter it is about, named with its contact address
   * above the footer (the privacy statement promises people can reach "the organisation on the conference
   * page"). Null only for Podium's own emails, which concern no organisation (a sign-in link).
   */
  organiser: EmailOrganiser | null;
}

export type EmailOrganiser = { name: string; contactEmail: string | null };

/** Replies go to the organisation, not to Podium's no-reply sender, when it has a contact address. */
export function organiserHeaders(organiser: EmailOrganiser | null): Record<string, string> {
  return organiser?.contactEmail ? { "Reply-To": organiser.contactEmail } : {};
}

export interface RenderedEmail {
  html: string;
  text: string;
}

function actionHtml(label: string, url: string, fallback: string): string {
  const href = escapeHtml(url);
  const button = style({
    display: "inline-block",
    padding: "14px 28px",
    "background-color": PETROL,
    color: "#ffffff",
    "font-size": "18px",
    "font-weight": "600",
    "line-height": "1.2",
    "text-decoration": "none",
    "border-radius": "6px",
  });
  return [
    `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 24px"><tr>`,
    `<td style="border-radius:6px;background-color:${PETROL}">`,
    `<a href="${href}" style="${button}">${escapeHtml(label)}</a>`,
    `</td></tr></table>`,
    `<p style="margin:0 0 16px;font-size:16px;color:${MUTED}">${escapeHtml(fallback)}<br>`,
    `<a href="${href}" style="color:${LINK};word-break:break-all">${escapeHtml(url)}</a></p>`,
  ].join("");
}

const CONTENT_ID = /^[A-Za-z0-9._@-]+$/;

function imageHtml({ cid, alt, width, height }: NonNullable<EmailContent["image"]>): string {
  if (!CONTENT_ID.test(cid)) throw new Error(`Invalid Content-ID for an email image: "${cid}"`);
  const w = Math.round(width);
  const h = Math.round(height);
  const css = style({ display: "block", border: "0", width: `${w}px`, height: `${h}px`, "max-width": "100%" });
  return `<p style="margin:8px 0 24px"><img src="cid:${cid}" alt="${escapeHtml(alt)}" width="${w}" height="${h}" style="${css}"></p>`;
}

/** "Georganiseerd door X." and "Vragen? Mail naar x@y." (when the organisation has a contact address). */
function organiserLines(organiser: EmailOrganiser, locale: Locale): { organisedBy: string; contact: string | null } {
  const t = mailTranslator(locale);
  return { organisedBy: t("layout.organisedBy", { organisation: organiser.name }), contact: organiser.contactEmail ? t("layout.contact") : null };
}

function organiserRowHtml(organiser: EmailOrganiser | null, locale: Locale): string {
  if (!organiser) return "";
  const { organisedBy, contact } = organiserLines(organiser, locale);
  const address = organiser.contactEmail ?? "";
  const mail = contact
    ? `<br>${escapeHtml(contact)} <a href="mailto:${escapeHtml(address)}" style="color:${LINK};word-break:break-all">${escapeHtml(address)}</a>`
    : "";
  return `<tr><td style="padding:20px 28px 0;font-size:16px;line-height:1.5;color:${INK}">${escapeHtml(organisedBy)}${mail}</td></tr>\n`;
}

function renderHtml(content: EmailContent, footer: string, fallback: string): string {
  const organiserHtml = organiserRowHtml(content.organiser, content.locale);
  const paragraph = style({ margin: "0 0 16px", "font-size": "17px", "line-height": "1.6", color: INK });
  const body = content.paragraphs.map((p) => `<p style="${paragraph}">${textToHtml(p)}</p>`).join("\n");
  const image = content.image ? imageHtml(content.image) : "";
  const action = content.action ? actionHtml(content.action.label, content.action.url, fallback) : "";
  return `<!doctype html>
<html lang="${content.locale}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<meta name="color-scheme" content="light">
<title>${escapeHtml(content.heading)}</title>
</head>
<body style="margin:0;padding:0;background-color:${PAPER};color:${INK};font-family:${FONT};font-size:17px;line-height:1.6">
<div style="display:none;max-height:0;overflow:hidden;opacity:0">${escapeHtml(content.preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:${PAPER}">
<tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px">
<tr><td style="background-color:${PETROL};color:#ffffff;padding:20px 28px;font-size:24px;font-weight:600;border-radius:8px 8px 0 0">Podium</td></tr>
<tr><td style="background-color:#ffffff;padding:28px;border-radius:0 0 8px 8px">
<h1 style="margin:0 0 20px;font-size:26px;line-height:1.3;font-weight:600;color:${PETROL}">${escapeHtml(content.heading)}</h1>
${body}
${image}
${action}
</td></tr>
${organiserHtml}<tr><td style="padding:20px 28px;font-size:16px;line-height:1.5;color:${MUTED}">${textToHtml(footer)}</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}

function renderText(content: EmailContent, footer: string): string {
  const blocks = [content.heading, ...content.paragraphs];
  if (content.action) blocks.push(`${content.action.label}:\n${content.action.url}`);
  const organiser = content.organiser ? organiserLines(content.organiser, content.locale) : null;
  const byline = organiser ? [[organiser.organisedBy, organiser.contact && `${organiser.contact} ${content.organiser?.contactEmail}`].filter(Boolean).join("\n")] : [];
  const signature = [...byline, footer].join("\n\n");
  // "-- " on its own line is the signature separator that mail clients recognise.
  return `${blocks.join("\n\n")}\n\n-- \n${signature}\n`;
}

export function renderEmail(content: EmailContent): RenderedEmail {
  const t = mailTranslator(content.locale);
  const footer = content.footer ?? t("layout.footer");
  const checked = content.action ? { ...content, action: { ...content.action, url: assertWebUrl(content.action.url) } } : content;
  return { html: renderHtml(checked, footer, t("layout.linkFallback")), text: renderText(checked, footer) };
}
