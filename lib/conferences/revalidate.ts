import "server-only";
import { revalidateTag } from "next/cache";
import { conferenceTag, CONFERENCES_TAG } from "@/lib/cache-tags";

// Places left must be right on the next view, so the conference's cached data expires at once.
export function revalidateConference(slug: string): void {
  revalidateTag(conferenceTag(slug), { expire: 0 });
}

export function revalidateConferenceList(): void {
  revalidateTag(CONFERENCES_TAG, { expire: 0 });
}
