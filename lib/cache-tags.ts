// Names of the cache tags public pages are stored under, so that writers invalidate exactly what changed.
export const CONFERENCES_TAG = "conferences";
export const REPORTS_TAG = "reports";

export function conferenceTag(slug: string): string {
  return `conference:${slug}`;
}

export function reportTag(slug: string): string {
  return `report:${slug}`;
}
