import { getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/format";
import { openOffersOfRegistration } from "@/lib/registrations/offer-queries";
import { OfferButtons } from "./offer-buttons";

// On the attendee's manage page: "a place is offered to you until ...", with the same claim and decline as the
// offer's own page.
export async function OpenOffers({ registrationId, token, title, locale }: { registrationId: string; token: string; title: string; locale: "nl" | "en" }) {
  const offers = await openOffersOfRegistration(registrationId);
  if (offers.length === 0) return null;
  const t = await getTranslations("offers.manage");
  return (
    <div className="mt-6 space-y-4">
      {offers.map((offer) => {
        const until = formatDateTime(offer.expiresAt, locale);
        return (
          <div key={offer.id} className="rounded-xl border-2 border-petrol-700 bg-white p-6">
            <p className="text-lg font-semibold text-petrol-800">
              {offer.session ? t("offeredWorkshop", { workshop: offer.session.title, until }) : t("offered", { title, until })}
            </p>
            <OfferButtons token={token} offerId={offer.id} />
          </div>
        );
      })}
    </div>
  );
}
