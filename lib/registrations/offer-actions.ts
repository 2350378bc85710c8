"use server";

import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { isLocale } from "@/i18n/routing";
import { db } from "@/lib/db";
import { kickMailWorker } from "@/lib/mail/worker";
import { answerOffer } from "@/lib/places/offers";
import { revalidateConferencePlaces } from "@/lib/site/revalidate";
import { localizedPath } from "@/lib/site/urls";
import { registrationOfToken } from "./manage-links";

/**
 * Claims (`claim` true) or declines an offer, from the buttons of its page. The token and the offer arrive bound by
 * the page, never from a form field; the offer must belong to the token's registration (places_offer_answer).
 * Comes back to the offer's page with ?uitkomst=, so it works without JavaScript.
 */
export async function answerOfferAction(token: string, offerId: string, claim: boolean): Promise<void> {
  const raw = await getLocale();
  const locale = isLocale(raw) ? raw : "nl";
  const page = localizedPath(locale, `/aanmelding/${token}/aanbod/${encodeURIComponent(offerId)}`);
  const found = await registrationOfToken(token);
  const outcome = found ? await answerOffer({ offerId, registrationId: found.id }, claim) : "notFound";
  if (found && outcome !== "busy" && outcome !== "notFound") {
    const conference = await db.conference.findUnique({ where: { id: found.conferenceId }, select: { slug: true } });
    if (conference) revalidateConferencePlaces(conference.slug);
    kickMailWorker();
  }
  redirect(`${page}?uitkomst=${outcome}`);
}
