import "server-only";
import type { EmailConfig } from "next-auth/providers/email";
import { isLocale, type Locale } from "@/i18n/routing";
import { EMAIL_PROVIDER_ID } from "./constants";
import { localeOfPath } from "@/lib/site/urls";
import { SIGN_IN_LINK_MINUTES, sendSignInLink } from "./sign-in-email";

export { EMAIL_PROVIDER_ID };

/** The path part of Auth.js's (already validated, absolute) callback URL. */
function callbackPath(authCallbackUrl: string): string {
  const callback = new URL(authCallbackUrl).searchParams.get("callbackUrl");
  if (!callback) return "/beheer";
  const parsed = new URL(callback, "http://placeholder.invalid");
  return `${parsed.pathname}${parsed.search}`;
}

async function requestedLocale(request: Request, path: string): Promise<Locale> {
  // Our server action passes the page's locale in the body; a link requested any other way follows the path.
  const body: unknown = await request.json().catch(() => null);
  const locale = typeof body === "object" && body !== null && "locale" in body ? body.locale : undefined;
  return typeof locale === "string" && isLocale(locale) ? locale : localeOfPath(path);
}

/**
 * Sign-in by a one-time link, delivered through Podium's outbox instead of Auth.js's own SMTP sending: the
 * email is a row written in a transaction, retried by the mail worker, visible in /dev/mailbox in
 * development. Auth.js stores only SHA-256(token + secret) in verification_tokens.
 */
export const emailProvider: EmailConfig = {
  id: EMAIL_PROVIDER_ID,
  type: "email",
  name: "E-mail",
  maxAge: SIGN_IN_LINK_MINUTES * 60,
  // Auth.js's default normaliser stays: trimmed and lower-cased like lib/text's emailKey (so users match the
  // seed's rows), and it refuses quoted and multi-@ addresses that could split into several recipients.
  async sendVerificationRequest({ identifier, token, url, request }) {
    const path = callbackPath(url);
    await sendSignInLink({ email: identifier, token, callbackPath: path, locale: await requestedLocale(request, path) });
  },
  options: {},
};
