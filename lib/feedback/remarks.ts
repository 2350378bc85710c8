// How the organiser's pages name a remark without naming its response. A response's id on the page would tie its
// remarks on different sessions together, and the sessions a person answered about are nearly as telling as a
// name (the organiser has the attendance lists). So each remark gets a handle of its own, a hash of the response's
// id and which remark it is, from which neither the response nor the person's other remarks can be found; the server
// finds the remark again by computing the handles of the conference's remarks. The same handle orders the remarks
// within a part: an order of their own per part, which says nothing about who wrote them or when.
import "server-only";
import { createHash } from "node:crypto";

/** "open" for the open question, else the session's id. */
export function remarkHandle(responseId: string, remarkKey: string): string {
  return createHash("sha256").update(`podium-survey-remark:${responseId}:${remarkKey}`).digest("base64url").slice(0, 32);
}
