"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { kickMailWorker } from "@/lib/mail/worker";
import { clientAddress } from "@/lib/rate-limit/client-address";
import { hit, pruneRateLimits } from "@/lib/rate-limit/rate-limit";
import { siteOrganisationId } from "@/lib/site/organisation";
import { localizedPath } from "@/lib/site/urls";
import { emailKey } from "@/lib/text";
import type { Locale } from "@/i18n/routing";
import { confirmSubscription, pruneUnconfirmedSubscribers, subscribe, unsubscribe } from "./mutations";
import { NEWSLETTER_ADDRESS_LIMIT, NEWSLETTER_CLIENT_LIMIT } from "./rate-limits";
import { newsletterSignupSchema } from "./schema";

export type NewsletterFormState =
  | { status: "idle" }
  | { status: "received"; email: string }
  // Messages are translated here, so the browser needs no message files.
  | { status: "error"; email: string; fieldError?: string; formError?: string };

function formLocale(form: FormData): Locale {
  return form.get("locale") === "en" ? "en" : "nl";
}

export async function subscribeAction(_previous: NewsletterFormState, form: FormData): Promise<NewsletterFormState> {
  const locale = formLocale(form);
  const t = await getTranslations({ locale });
  const raw = typeof form.get("email") === "string" ? String(form.get("email")) : "";
  const parsed = newsletterSignupSchema.safeParse({ email: raw, locale });
  if (!parsed.success) {
    const issue = parsed.error.issues.find((i) => i.path[0] === "email");
    const key = issue?.message === "tooLong" ? "tooLong" : "emailInvalid";
    return { status: "error", email: raw, fieldError: t(`validation.${key}`) };
  }

  const limited = await hit(NEWSLETTER_CLIENT_LIMIT, clientAddress(await headers()));
  if (!limited.ok) {
    return { status: "error", email: raw, formError: t("newsletter.errors.rateLimited", { seconds: limited.retryAfterSeconds }) };
  }

  try {
    const organisationId = await siteOrganisationId();
    if (!organisationId) return { status: "error", email: raw, formError: t("newsletter.errors.unavailable") };
    const perAddress = await hit(NEWSLETTER_ADDRESS_LIMIT, `${organisationId}:${emailKey(parsed.data.email)}`);
    if (perAddress.ok) {
      await subscribe({ organisationId, email: parsed.data.email, locale: parsed.data.locale });
      kickMailWorker();
    }
    // Clean-ups the privacy statement promises, done now and then by the form that creates what they remove.
    await Promise.all([pruneUnconfirmedSubscribers(), pruneRateLimits()]);
  } catch (caught) {
    console.error("[newsletter] sign-up failed:", caught instanceof Error ? caught.message : caught);
    return { status: "error", email: raw, formError: t("newsletter.errors.unexpected") };
  }
  // The same answer for a new, an unconfirmed and an already subscribed address.
  return { status: "received", email: parsed.data.email };
}

// Unbound actions with the token and language in hidden fields: a form whose action is a bound server action
// never answers when the browser runs no JavaScript (a Next bug), and these links are opened from emails.
function tokenOf(form: FormData): string {
  const token = form.get("token");
  return typeof token === "string" ? token : "";
}

export async function confirmAction(form: FormData): Promise<void> {
  const token = tokenOf(form);
  const locale = formLocale(form);
  const outcome = await confirmSubscription(token);
  redirect(
    localizedPath(locale, outcome === "confirmed" ? "/nieuwsbrief/bevestigd" : `/nieuwsbrief/bevestigen/${encodeURIComponent(token)}?ongeldig=1`),
  );
}

export async function unsubscribeAction(form: FormData): Promise<void> {
  await unsubscribe(tokenOf(form));
  redirect(localizedPath(formLocale(form), "/nieuwsbrief/afgemeld"));
}
