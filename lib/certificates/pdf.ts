// The certificate as a PDF (issue 15), drawn with pdfkit in this process: no browser, nothing fetched. A4, in the
// person's language, with the organisation's name and logo, the conference, its date and venue, the sessions the
// person attended (lib/attendance) with their hours and accreditation codes, and a verification URL with its QR.
//
// pdfkit's built-in Helvetica encodes text as WinAnsi, which holds every Dutch letter (é, ë, ï, ĳ as "ij"); a
// character outside it is replaced by its closest plain letter rather than printed as garbage.
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { translatorsFor } from "@/lib/i18n/translator";
import { formatDate, formatTimeRange } from "@/lib/format";
import { absoluteUrl } from "@/lib/site/urls";
import { localizedPath } from "@/lib/site/paths";
import { formatHours } from "./hours";
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


// WinAnsi (cp1252) holds Latin-1 and a few more; anything else loses its accent (NFKD) or becomes "?".
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
function printable(text: string): string {
  return [...text.replace(/ĳ/g, "ij").replace(/Ĳ/g, "IJ")]
    .map((char) => {
      const code = char.codePointAt(0) ?? 0;
      if (code < 0x100 || WIN_ANSI_EXTRA.has(char)) return char;
      const plain = char.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
      return [...plain].every((c) => (c.codePointAt(0) ?? 0) < 0x100) ? plain : "?";
    })
    .join("");
}

const codesLine = (codes: Partial<Record<Register, string>>) =>
  REGISTERS.flatMap((register) => (codes[register] ? [`${REGISTER_SHORT[register]}: ${codes[register]}`] : [])).join("  ·  ");

export async function renderCertificatePdf(content: CertificateContent): Promise<Buffer> {
  const { locale } = content;
  const t = translators(locale);
  const p = printable;
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 56, left: 64, right: 64 },
    info: { Title: p(`${t("pdf.title")}: ${content.conference.title}`), Author: p(content.organisation.name), Subject: p(content.holderName) },
    lang: locale === "nl" ? "nl-NL" : "en-GB",
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  // Header: the logo, or the organisation's name in its place.
  if (content.organisation.logoPng) {
    doc.image(content.organisation.logoPng, left, 48, { fit: [180, 64] });
  }
  doc.font("Helvetica-Bold").fontSize(11).fillColor(MUTED).text(p(content.organisation.name), left, 56, { width, align: "right" });
  doc.y = 140;

  doc.font("Helvetica-Bold").fontSize(26).fillColor(PETROL).text(p(t("pdf.title")), left, doc.y, { width, align: "center" });
  doc.moveDown(0.8);
  doc.font("Helvetica").fontSize(12).fillColor(INK).text(p(t("pdf.declares", { organisation: content.organisation.name })), { width, align: "center" });
  doc.moveDown(0.6);
  doc.font("Helvetica-Bold").fontSize(22).fillColor(INK).text(p(content.holderName), { width, align: "center" });
  const numbers = REGISTERS.flatMap((register) => (content.registryNumbers[register] ? [`${REGISTER_NAMES[register]}: ${content.registryNumbers[register]}`] : []));
  if (numbers.length > 0) doc.font("Helvetica").fontSize(10).fillColor(MUTED).text(p(numbers.join("  ·  ")), { width, align: "center" });
  doc.moveDown(0.6);
  doc.font("Helvetica").fontSize(12).fillColor(INK).text(p(t("pdf.attended")), { width, align: "center" });
  doc.moveDown(0.4);
  doc.font("Helvetica-Bold").fontSize(16).fillColor(PETROL).text(p(content.conference.title), { width, align: "center" });
  doc.moveDown(0.3);
  const venue = content.conference.venue ? `, ${content.conference.venue.name}, ${content.conference.venue.city}` : "";
  doc.font("Helvetica").fontSize(12).fillColor(INK).text(p(`${formatDate(content.conference.startsAt, locale)}${venue}`), { width, align: "center" });
  const conferenceCodes = codesLine(content.conference.codes);
  if (conferenceCodes) doc.font("Helvetica").fontSize(10).fillColor(MUTED).text(p(`${t("pdf.accreditation")}: ${conferenceCodes}`), { width, align: "center" });

  if (content.revoked) {
    doc.moveDown(0.8);
    doc.font("Helvetica-Bold").fontSize(14).fillColor(BAD).text(p(t("pdf.revoked")), { width, align: "center" });
  }

  // The sessions attended: title and time, hours, codes.
  doc.moveDown(1.4);
  const columns = { session: left, hours: left + width - 150, codes: left + width - 100 };
  const hoursWidth = 44;
  doc.font("Helvetica-Bold").fontSize(10).fillColor(MUTED);
  const headerY = doc.y;
  doc.text(p(t("pdf.session")), columns.session, headerY, { width: columns.hours - columns.session - 8 });
  doc.text(p(t("pdf.hours")), columns.hours, headerY, { width: hoursWidth, align: "right" });
  doc.text(p(t("pdf.codes")), columns.codes, headerY, { width: 100 });
  doc.moveTo(left, doc.y + 2).lineTo(left + width, doc.y + 2).strokeColor("#c9d3d5").lineWidth(0.5).stroke();
  doc.moveDown(0.4);
  if (content.sessions.length === 0) {
    doc.font("Helvetica").fontSize(10).fillColor(INK).text(p(t("pdf.noSessions")), left, doc.y, { width });
  }
  for (const session of content.sessions) {
    const y = doc.y;
    doc.font("Helvetica-Bold").fontSize(10).fillColor(INK).text(p(session.title), columns.session, y, { width: columns.hours - columns.session - 8 });
    doc.font("Helvetica").fontSize(9).fillColor(MUTED).text(p(formatTimeRange(session.startsAt, session.endsAt, locale)), { width: columns.hours - columns.session - 8 });
    const below = doc.y;
    doc.font("Helvetica").fontSize(10).fillColor(INK).text(session.minutes > 0 ? formatHours(session.minutes, locale) : "-", columns.hours, y, { width: hoursWidth, align: "right" });
    const codes = REGISTERS.flatMap((register) => (session.codes[register] ? [`${REGISTER_SHORT[register]}: ${session.codes[register]}`] : []));
    doc.font("Helvetica").fontSize(9).fillColor(INK).text(p(codes.join("\n") || "-"), columns.codes, y, { width: 100 });
    doc.y = Math.max(below, doc.y) + 6;
  }
  doc.moveTo(left, doc.y).lineTo(left + width, doc.y).strokeColor("#c9d3d5").lineWidth(0.5).stroke();
  doc.moveDown(0.4);
  const totalY = doc.y;
  doc.font("Helvetica-Bold").fontSize(11).fillColor(INK).text(p(t("pdf.total")), columns.session, totalY, { width: columns.hours - columns.session - 8 });
  doc.text(formatHours(content.minutes, locale), columns.hours, totalY, { width: hoursWidth, align: "right" });

  // Verification: the URL and its QR code, at the foot of the page (a new page if the table ran long).
  const url = verificationUrl(content.verificationCode, locale);
  const qrSize = 96;
  const footY = doc.page.height - doc.page.margins.bottom - qrSize;
  if (doc.y + 24 > footY) doc.addPage();
  doc.image(await QRCode.toBuffer(url, { type: "png", margin: 1, width: 300, errorCorrectionLevel: "M" }), left, footY, { width: qrSize, height: qrSize });
  const textLeft = left + qrSize + 16;
  doc.font("Helvetica-Bold").fontSize(10).fillColor(INK).text(p(t("pdf.verify")), textLeft, footY + 14, { width: width - qrSize - 16 });
  doc.font("Helvetica").fontSize(9).fillColor(PETROL).text(url, { width: width - qrSize - 16, link: url });
  doc.font("Helvetica").fontSize(9).fillColor(MUTED).text(p(`${t("pdf.code")}: ${content.verificationCode}`), { width: width - qrSize - 16 });

  doc.end();
  return done;
}
