import { getTranslations } from "next-intl/server";
import { answerOfferAction } from "@/lib/registrations/offer-actions";

// Claim and decline: plain forms with the token and the offer bound by the page, so they work without JavaScript,
// and nothing happens on merely opening a link (mail scanners open links). `declineFirst`: the email's decline
// link leads here too, and then that answer comes first.
export async function OfferButtons({ token, offerId, declineFirst = false }: { token: string; offerId: string; declineFirst?: boolean }) {
  const t = await getTranslations("offers.page");
  const claim = (
    <form key="claim" action={answerOfferAction.bind(null, token, offerId, true)}>
      <button type="submit" className="min-h-12 rounded-md bg-petrol-800 px-5 font-semibold text-white hover:bg-petrol-900">
        {t("claim")}
      </button>
    </form>
  );
  const decline = (
    <form key="decline" action={answerOfferAction.bind(null, token, offerId, false)}>
      <button type="submit" className="min-h-12 rounded-md border-2 border-bad-700 bg-white px-5 font-semibold text-bad-700 hover:bg-bad-50">
        {t("decline")}
      </button>
    </form>
  );
  return <div className="mt-4 flex flex-wrap gap-3">{declineFirst ? [decline, claim] : [claim, decline]}</div>;
}
