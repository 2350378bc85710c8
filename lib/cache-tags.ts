// Names of the cache tags public pages are stored under, so that writers invalidate exactly what changed.
//
// What a writer revalidates (lib/site/revalidate.ts has a helper for each):
// - a conference's places left (registrations): conferenceTag(slug) only;
// - a conference's content, status or programme: conferenceTag(slug) and CONFERENCES_TAG (lists, feeds,
//   sitemap, speaker pages that show its sessions);
// - a report published, scheduled, unpublished or edited: reportTag(slug) and REPORTS_TAG (lists, feed,
//   dossier and speaker pages that list it);
// - a dossier's title, description or order: dossierTag(slug) and DOSSIERS_TAG;
// - a speaker's name, bio or photo: speakerTag(slug) and the conference and report tags that show them.
export const CONFERENCES_TAG = "conferences";
export const REPORTS_TAG = "reports";
export const DOSSIERS_TAG = "dossiers";
export const SPEAKERS_TAG = "speakers";

export function conferenceTag(slug: string): string {
  return `conference:${slug}`;
}

export function reportTag(slug: string): string {
  return `report:${slug}`;
}

export function dossierTag(slug: string): string {
  return `dossier:${slug}`;
}

export function speakerTag(slug: string): string {
  return `speaker:${slug}`;
}
