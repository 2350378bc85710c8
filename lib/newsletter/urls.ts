// Addresses in newsletter emails. The one-click endpoint (RFC 8058) is outside the locale routing, the pages
// a person opens are in their language.
import { absoluteUrl, localizedUrl } from "@/lib/site/urls";
import type { Locale } from "@/i18n/routing";

export function confirmUrl(locale: Locale, token: string): string {
  return localizedUrl(locale, `/nieuwsbrief/bevestigen/${token}`);
}

export function unsubscribePageUrl(locale: Locale, token: string): string {
  return localizedUrl(locale, `/nieuwsbrief/afmelden/${token}`);
}

export function oneClickUnsubscribeUrl(token: string): string {
  return absoluteUrl(`/api/newsletter/unsubscribe/${token}`);
}

/** Headers for every newsletter email, so mail clients offer their own one-click unsubscribe button. */
export function listUnsubscribeHeaders(token: string): Record<string, string> {
  return {
    "List-Unsubscribe": `<${oneClickUnsubscribeUrl(token)}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}
