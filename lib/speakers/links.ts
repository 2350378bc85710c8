// A speaker's links are free JSON written by organisers. Only well-formed http(s) links reach a page, so a
// `javascript:` URL typed into the dashboard can never become a clickable link.
import { isWebUrl } from "@/lib/site/link-targets";

export type SpeakerLink = { label: string; url: string };

export function speakerLinks(value: unknown): SpeakerLink[] {
  if (!Array.isArray(value)) return [];
  const links: SpeakerLink[] = [];
  for (const entry of value) {
    if (typeof entry !== "object" || entry === null) continue;
    const { label, url } = entry as Record<string, unknown>;
    if (typeof label !== "string" || typeof url !== "string" || !label.trim()) continue;
    if (isWebUrl(url)) links.push({ label: label.trim(), url: new URL(url).href });
  }
  return links;
}
