import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { formatDateTime } from "@/lib/format";
import { openOffersOfConference } from "@/lib/registrations/offer-queries";

// On the organiser's registrations page: who has been offered a freed place and until when they can claim it
// (prisma/sql/places.sql, offers). Nothing when there are none. The page checked the organiser's access.
export async function ConferenceOffers({ conferenceId, registrationsPath, locale }: { conferenceId: string; registrationsPath: string; locale: "nl" | "en" }) {
  const offers = await openOffersOfConference(conferenceId);
  if (offers.length === 0) return null;
  const t = await getTranslations("offers.admin");
  return (
    <section aria-labelledby="aanbiedingen" className="mt-6 rounded-lg border border-line bg-white p-4">
      <h2 id="aanbiedingen" className="font-semibold text-petrol-800">
        {t("title")}
      </h2>
      <p className="text-muted">{t("intro")}</p>
      <table className="mt-2 w-full text-left">
        <thead>
          <tr>
            <th scope="col" className="py-1 pr-4">{t("name")}</th>
            <th scope="col" className="py-1 pr-4">{t("place")}</th>
            <th scope="col" className="py-1">{t("until")}</th>
          </tr>
        </thead>
        <tbody>
          {offers.map((offer) => (
            <tr key={offer.id} className="border-t border-line">
              <td className="py-1 pr-4">
                <Link href={`${registrationsPath}/${offer.registration.id}`} className="font-semibold text-petrol-700 underline">
                  {offer.registration.name}
                </Link>
              </td>
              <td className="py-1 pr-4">{offer.session ? offer.session.title : t("conferencePlace")}</td>
              <td className="py-1 tabular-nums">{formatDateTime(offer.expiresAt, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
