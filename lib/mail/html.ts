// Small helpers for building email HTML by hand: every interpolated value goes through escapeHtml.

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** Escaped text whose line breaks become <br>. */
export function textToHtml(value: string): string {
  return escapeHtml(value).replace(/\r?\n/g, "<br>");
}

/** Only http(s) links go into an email; anything else (javascript:, data:) is a programming error. */
export function assertWebUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new Error(`Email links must be http(s), got ${parsed.protocol}`);
  }
  return parsed.href;
}

/** Inline style attribute from a map, so the templates read as CSS rather than one long string. */
export function style(rules: Record<string, string>): string {
  return Object.entries(rules)
    .map(([property, value]) => `${property}:${value}`)
    .join(";");
}
