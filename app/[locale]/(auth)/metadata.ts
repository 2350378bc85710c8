import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

type TitleKey = "signIn.title" | "checkEmail.title" | "confirm.title" | "signOut.title" | "invitation.signIn";

/**
 * Sign-in pages are for people who already know Podium: kept out of search engines. "same-origin" keeps the
 * tokens some of these URLs hold out of other sites' logs. Not "no-referrer": browsers then send
 * `Origin: null` with a form post, and Next refuses a server action from an unknown origin, which would
 * break signing in without JavaScript.
 */
export async function authMetadata(locale: string, key: TitleKey): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: "auth" });
  return { title: t(key), robots: { index: false, follow: false }, referrer: "same-origin" };
}
