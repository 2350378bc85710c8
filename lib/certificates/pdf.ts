// The certificate as a PDF (issue 15), drawn with pdfkit in this process: no browser, nothing fetched. A4, in the
// person's language, with the organisation's name and logo, the conference, its date and venue, the sessions the
// person attended (lib/attendance) with their hours and accreditation codes, and a verification URL with its QR.
//
// In the brand font, Source Sans 3, so that every name prints as written, "Łukasz Wiśniewski" and "Şule Yılmaz"
// too: pdfkit's built-in Helvetica holds only WinAnsi (Latin-1). How the font's subsets are combined: pdf-fonts.ts
// and pdf-text.ts.
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { translatorsFor } from "@/lib/i18n/translator";
import { formatDate, formatTimeRange } from "@/lib/format";
import { absoluteUrl } from "@/lib/site/urls";
import { localizedPath } from "@/lib/site/paths";
import { formatHours } from "./hours";
import { certificateFaces } from "./pdf-fonts";
import { registerFaces, writeText, type TextStyle } from "./pdf-text";
import type { CertificateContent } from "./queries";
import { REGISTERS, REGISTER_NAMES, REGISTER_SHORT, type Register } from "./registers";

const translators = translatorsFor("certificates");

const PETROL = "#0b4652";
const INK = "#1c2b2f";
const MUTED = "#4d5f64";
const BAD = "#a11d1d";

/** The public address that verifies a certificate. */
export function verificationUrl(code: string, locale: "nl" | "en"): string {
  return absoluteUrl(localizedPath(locale, `/certificaat/${code}`));
}

const codesLine = (codes: Partial<Record<Register, string>>) =>
  REGISTERS.flatMap((register) => (codes[register] ? [`${REGISTER_SHORT[register]}: ${codes[register]}`] : [])).join("  ·  ");

export async function renderCertificatePdf(content: CertificateContent): Promise<Buffer> {
  const { locale } = content;
  const t = translators(locale);
  const faces = await certificateFaces();
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 56, left: 64, right: 64 },
    info: { Title: `${t("pdf.title")}: ${content.conference.title}`, Author: content.organisation.name, Subject: content.holderName },
    lang: locale === "nl" ? "nl-NL" : "en-GB",
  });
  registerFaces(doc, faces);
  const write = (text: string, style: TextStyle) => writeText(doc, faces, text, style);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const centred = { x: left, width, align: "center" } as const;

  // Header: the logo, or the organisation's name in its place.
  if (content.organisation.logoPng) {
    doc.image(content.organisation.logoPng, left, 48, { fit: [180, 64] });
  }
  write(content.organisation.name, { weight: "semibold", size: 11, color: MUTED, x: left, y: 56, width, align: "right" });
  doc.y = 140;

  write(t("pdf.title"), { ...centred, weight: "semibold", size: 26, color: PETROL });
  doc.moveDown(0.8);
  write(t("pdf.declares", { organisation: content.organisation.name }), { ...centred, weight: "regular", size: 12, color: INK });
  doc.moveDown(0.6);
  write(content.holderName, { ...centred, weight: "semibold", size: 22, color: INK });
  const numbers = REGISTERS.flatMap((register) => (content.registryNumbers[register] ? [`${REGISTER_NAMES[register]}: ${content.registryNumbers[register]}`] : []));
  if (numbers.length > 0) write(numbers.join("  ·  "), { ...centred, weight: "regular", size: 10, color: MUTED });
  doc.moveDown(0.6);
  write(t("pdf.attended"), { ...centred, weight: "regular", size: 12, color: INK });
  doc.moveDown(0.4);
  write(content.conference.title, { ...centred, weight: "semibold", size: 16, color: PETROL });
  doc.moveDown(0.3);
  const venue = content.conference.venue ? `, ${content.conference.venue.name}, ${content.conference.venue.city}` : "";
  write(`${formatDate(content.conference.startsAt, locale)}${venue}`, { ...centred, weight: "regular", size: 12, color: INK });
  const conferenceCodes = codesLine(content.conference.codes);
  if (conferenceCodes) write(`${t("pdf.accreditation")}: ${conferenceCodes}`, { ...centred, weight: "regular", size: 10, color: MUTED });

  if (content.revoked) {
    doc.moveDown(0.8);
    write(t("pdf.revoked"), { ...centred, weight: "semibold", size: 14, color: BAD });
  }

  // The sessions attended: title and time, hours, codes.
  doc.moveDown(1.4);
  const columns = { session: left, hours: left + width - 150, codes: left + width - 100 };
  const sessionWidth = columns.hours - columns.session - 8;
  const hoursWidth = 44;
  const headerY = doc.y;
  const header = { weight: "semibold", size: 10, color: MUTED, y: headerY } as const;
  write(t("pdf.session"), { ...header, x: columns.session, width: sessionWidth });
  write(t("pdf.hours"), { ...header, x: columns.hours, width: hoursWidth, align: "right" });
  write(t("pdf.codes"), { ...header, x: columns.codes, width: 100 });
  doc.moveTo(left, doc.y + 2).lineTo(left + width, doc.y + 2).strokeColor("#c9d3d5").lineWidth(0.5).stroke();
  doc.moveDown(0.4);
  if (content.sessions.length === 0) {
    write(t("pdf.noSessions"), { weight: "regular", size: 10, color: INK, x: left, width });
  }
  for (const session of content.sessions) {
    // A row is never split over two pages: the hours and codes are drawn beside the title, at its height.
    if (doc.y + 48 > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      doc.y = doc.page.margins.top;
    }
    const y = doc.y;
    write(session.title, { weight: "semibold", size: 10, color: INK, x: columns.session, y, width: sessionWidth });
    write(formatTimeRange(session.startsAt, session.endsAt, locale), { weight: "regular", size: 9, color: MUTED, x: columns.session, width: sessionWidth });
    const below = doc.y;
    write(session.minutes > 0 ? formatHours(session.minutes, locale) : "-", { weight: "regular", size: 10, color: INK, x: columns.hours, y, width: hoursWidth, align: "right" });
    const codes = REGISTERS.flatMap((register) => (session.codes[register] ? [`${REGISTER_SHORT[register]}: ${session.codes[register]}`] : []));
    write(codes.join("\n") || "-", { weight: "regular", size: 9, color: INK, x: columns.codes, y, width: 100 });
    doc.y = Math.max(below, doc.y) + 6;
  }
  doc.moveTo(left, doc.y).lineTo(left + width, doc.y).strokeColor("#c9d3d5").lineWidth(0.5).stroke();
  doc.moveDown(0.4);
  const totalY = doc.y;
  const total = { weight: "semibold", size: 11, color: INK, y: totalY } as const;
  write(t("pdf.total"), { ...total, x: columns.session, width: sessionWidth });
  write(formatHours(content.minutes, locale), { ...total, x: columns.hours, width: hoursWidth, align: "right" });

  // Verification: the URL and its QR code, at the foot of the page (a new page if the table ran long).
  const url = verificationUrl(content.verificationCode, locale);
  const qrSize = 96;
  const footY = doc.page.height - doc.page.margins.bottom - qrSize;
  if (doc.y + 24 > footY) doc.addPage();
  doc.image(await QRCode.toBuffer(url, { type: "png", margin: 1, width: 300, errorCorrectionLevel: "M" }), left, footY, { width: qrSize, height: qrSize });
  const textLeft = left + qrSize + 16;
  const textWidth = width - qrSize - 16;
  write(t("pdf.verify"), { weight: "semibold", size: 10, color: INK, x: textLeft, y: footY + 14, width: textWidth });
  // The URL is ASCII (the code is Crockford base32), so pdfkit may wrap it and make it a link in the latin face.
  doc.font(faces.regular[0]!.name).fontSize(9).fillColor(PETROL).text(url, textLeft, doc.y, { width: textWidth, link: url });
  write(`${t("pdf.code")}: ${content.verificationCode}`, { weight: "regular", size: 9, color: MUTED, x: textLeft, width: textWidth });

  doc.end();
  return done;
}
