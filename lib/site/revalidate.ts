// What writers call after a change that the public site shows. Each expires exactly the cached reads (and so
// the cached pages) that contain what changed; `expire: 0` because an organiser who presses "publish" and
// opens the public page expects to see it there, not one request later.
import "server-only";
import { revalidateTag } from "next/cache";
import {
  CONFERENCES_TAG,
  conferenceTag,
  DOSSIERS_TAG,
  dossierTag,
  REPORTS_TAG,
  reportTag,
  SPEAKERS_TAG,
  speakerTag,
} from "@/lib/cache-tags";

const now = { expire: 0 };

/** These tags, at once (the after-a-sign-up step names the conference's). */
export function revalidateTags(tags: string[]): void {
  for (const tag of tags) revalidateTag(tag, now);
}

/** Only a conference's places left changed (a sign-up, a cancellation, a change of workshops). */
export function revalidateConferencePlaces(slug: string): void {
  revalidateTag(conferenceTag(slug), now);
}

/** A conference's content, status, programme or venue changed (not just its places left). */
export function revalidateConferenceContent(slug: string): void {
  revalidateTag(conferenceTag(slug), now);
  revalidateTag(CONFERENCES_TAG, now);
}

/** A report was published, scheduled, unpublished, edited or deleted. */
export function revalidateReportContent(slug: string): void {
  revalidateTag(reportTag(slug), now);
  revalidateTag(REPORTS_TAG, now);
}

/** A dossier's title, description or order of reports changed. */
export function revalidateDossierContent(slug: string): void {
  revalidateTag(dossierTag(slug), now);
  revalidateTag(DOSSIERS_TAG, now);
}

/**
 * A speaker's name, role, bio, photo or links changed. Conference and report pages show speakers too, so
 * those expire as well.
 */
export function revalidateSpeakerContent(slug: string): void {
  revalidateTag(speakerTag(slug), now);
  revalidateTag(SPEAKERS_TAG, now);
  revalidateTag(CONFERENCES_TAG, now);
  revalidateTag(REPORTS_TAG, now);
}
