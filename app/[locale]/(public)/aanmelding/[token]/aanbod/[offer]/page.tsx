import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocalizedLink as Link } from "@/components/site/localized-link";
import { OfferButtons } from "@/components/offers/offer-buttons";
import { formatDateTime, formatDateTimeRange } from "@/lib/format";
import { OFFER_ANSWER_OUTCOMES } from "@/lib/places/offers";
import { offerOfRegistration } from "@/lib/registrations/offer-queries";
import { getManageView } from "@/lib/registrations/queries";
import type { Locale } from "@/i18n/routing";

type Props = PageProps<"/[locale]/aanmelding/[token]/aanbod/[offer]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "offers.page" });
  // The URL holds a secret (see the manage page).
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "same-origin" };
}

const SHOWN = [...OFFER_ANSWER_OUTCOMES.filter((o) => o !== "notFound"), "busy"] as const;

// Where an offer's email leads (issue 16, point 7): the offer, and two buttons while it is open. Opening it changes
// nothing. An offer decided before says how it ended; an expired one says so.
export default async function OfferPage({ params, searchParams }: Props) {
  const { locale, token, offer: offerId } = (await params) as { locale: Locale; token: string; offer: string };
  setRequestLocale(locale);
  const view = await getManageView(token);
  if (!view) notFound();
  const offer = await offerOfRegistration(offerId, view.registration.id);
  if (!offer) notFound();
  const { conference } = view.registration;
  const t = await getTranslations("offers.page");
  const query = await searchParams;
  const answered = SHOWN.find((o) => o === query.uitkomst);
  // The window may have run out before the expiry pass came by: it is over all the same.
  const open = offer.status === "OPEN" && offer.expiresAt > new Date() && conference.status !== "CANCELLED";
  const ended = offer.status === "OPEN" ? (conference.status === "CANCELLED" ? "conferenceCancelled" : "expired") : (offer.status.toLowerCase() as Lowercase<typeof offer.status>);
  const title = conference.title;
  return (
    <main className="mx-auto max-w-2xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-semibold leading-tight text-petrol-800">{t("title")}</h1>
      <p className="mt-4 text-lg">
        {offer.session
          ? t("introWorkshop", { workshop: offer.session.title, title })
          : t("intro", { title, date: formatDateTimeRange(conference.startsAt, conference.endsAt, locale) })}
      </p>
      {answered === "busy" && (
        <p role="alert" className="mt-4 font-semibold text-bad-700">
          {t("busy")}
        </p>
      )}
      {open ? (
        <>
          <p className="mt-4 font-semibold">{t("until", { until: formatDateTime(offer.expiresAt, locale) })}</p>
          <OfferButtons token={token} offerId={offer.id} declineFirst={query.antwoord === "nee"} />
        </>
      ) : (
        <p role="status" className={`mt-6 rounded-md border-2 p-4 font-semibold ${ended === "claimed" ? "border-ok-700 bg-ok-50 text-ok-700" : "border-line bg-white"}`}>
          {t(ended)}
        </p>
      )}
      <p className="mt-8">
        <Link href={`/aanmelding/${token}`} className="font-semibold text-petrol-700 underline">
          {t("back")}
        </Link>
      </p>
    </main>
  );
}
