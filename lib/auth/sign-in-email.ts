import "server-only";
import type { Locale } from "@/i18n/routing";
import { db } from "@/lib/db";
import { renderEmail } from "@/lib/mail/layout";
import { enqueueEmail, type OutboxEmail } from "@/lib/mail/outbox";
import { kickMailWorker } from "@/lib/mail/worker";
import { SIGN_IN_LINK_MINUTES } from "./constants";
import { maySignIn } from "./eligibility";
import { translatorsFor } from "@/lib/i18n/translator";
import { localizedUrl } from "@/lib/site/urls";

const authTranslator = translatorsFor("auth");

export { SIGN_IN_LINK_MINUTES };

export interface SignInLink {
  email: string;
  token: string;
  /** A local path to land on after signing in. */
  callbackPath: string;
  locale: Locale;
}

/**
 * The link goes to our own confirmation page, not straight to Auth.js's callback: mail scanners (Microsoft
 * Safe Links and the like, common at municipalities) open every link in a message and would spend the
 * one-time token before the person clicks. The page's button does the real sign-in.
 */
export function signInUrl(link: SignInLink): string {
  return localizedUrl(link.locale, "/inloggen/bevestigen", {
    token: link.token,
    email: link.email,
    callbackUrl: link.callbackPath,
  });
}

export function signInEmail(link: SignInLink): OutboxEmail {
  const t = authTranslator(link.locale);
  const rendered = renderEmail({
    locale: link.locale,
    // Podium's own: signing in concerns no one organisation (a person may belong to several).
    organiser: null,
    preheader: t("mail.preheader", { minutes: SIGN_IN_LINK_MINUTES }),
    heading: t("mail.heading"),
    paragraphs: [t("mail.intro", { minutes: SIGN_IN_LINK_MINUTES }), t("mail.notYou")],
    action: { label: t("mail.action"), url: signInUrl(link) },
  });
  return { kind: "auth.sign-in", to: link.email, subject: t("mail.subject"), text: rendered.text, html: rendered.html };
}

/**
 * Queues the sign-in email through the outbox, or nothing at all for an address that may not sign in
 * (see maySignIn). Returns whether an email was queued; callers must not show the difference.
 */
export async function sendSignInLink(link: SignInLink): Promise<boolean> {
  const queued = await db.$transaction(async (tx) => {
    if (!(await maySignIn(tx, link.email))) return false;
    await enqueueEmail(tx, signInEmail(link));
    return true;
  });
  if (queued) kickMailWorker();
  return queued;
}
