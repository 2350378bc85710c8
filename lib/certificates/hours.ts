// Hours as people write them, for the PDF, the pages and the CSV: "1,5" in Dutch, "1.5" in English. Its own file
// so that pages showing hours do not load pdfkit.
export function formatHours(minutes: number, locale: "nl" | "en"): string {
  return new Intl.NumberFormat(locale === "nl" ? "nl-NL" : "en-GB", { maximumFractionDigits: 2 }).format(minutes / 60);
}
