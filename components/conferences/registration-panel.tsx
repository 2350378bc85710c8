import { getTranslations } from "next-intl/server";
import { LocalizedLink as Link } from "@/components/site/localized-link";
import type { PublicConference } from "@/lib/conferences/queries";
import { formatDate } from "@/lib/format";
import { placesTone } from "@/lib/places/few-places";

// In an organiser's preview of a draft the sign-up and the calendar file do not exist yet (404 until it is
// published): the button is shown as it will look, but not as a link.
export async function RegistrationPanel({ conference, locale, preview = false }: { conference: PublicConference; locale: "nl" | "en"; preview?: boolean }) {
  const t = await getTranslations("conference");
  const { state, left: placesLeft } = conference.places;
  const report = conference.reports[0];
  const message =
    state === "notYetOpen" && conference.registrationOpensAt
      ? t("state.notYetOpen", { date: formatDate(conference.registrationOpensAt, locale) })
      : state === "draft"
        ? t("state.closed")
        : t(`state.${state}`);

  return (
    <aside aria-labelledby="registration-state" className="rounded-xl border-2 border-petrol-100 bg-white p-5 shadow-sm">
      <p id="registration-state" className="text-lg font-semibold text-petrol-800">
        {message}
      </p>
      {/* "Nog 56 plaatsen" of 80 is news, not an alarm: the warning colour only for the last few (lib/places). */}
      {state === "open" && (
        <p className={`mt-1 ${placesTone(placesLeft, conference.places.capacity) === "few" ? "font-semibold text-accent-700" : "text-ink"}`}>
          {t("placesLeft", { count: placesLeft })}
        </p>
      )}
      {(state === "open" || state === "full") && preview && (
        <p className="mt-4 flex min-h-12 w-full flex-col items-center justify-center rounded-md border-2 border-dashed border-accent-600 px-5 py-1 text-center font-semibold text-accent-700">
          {t("register")}
          <span className="text-sm font-normal text-muted">{t("previewSignUp")}</span>
        </p>
      )}
      {(state === "open" || state === "full") && !preview && (
        <Link
          href={`/conferenties/${conference.slug}/aanmelden`}
          className="mt-4 inline-flex min-h-12 w-full items-center justify-center rounded-md bg-accent-600 px-5 text-lg font-semibold text-white hover:bg-accent-700"
        >
          {t("register")}
        </Link>
      )}
      {state === "past" && <p className="mt-1 text-muted">{report ? t("pastWithReport") : t("pastProgramme")}</p>}
      {state === "past" && report && (
        <Link
          href={`/sfeerverslagen/${report.slug}`}
          className="mt-4 inline-flex min-h-12 w-full items-center justify-center rounded-md bg-petrol-800 px-5 font-semibold text-white hover:bg-petrol-900"
        >
          {t("report")}
        </Link>
      )}
      {state !== "cancelled" && state !== "past" && !preview && (
        // A plain link: the file comes from a route handler outside the locale routing.
        <a
          href={`/api/conferences/${conference.slug}/calendar${locale === "en" ? "?taal=en" : ""}`}
          className="mt-4 flex min-h-11 items-center justify-center gap-2 font-semibold text-petrol-700 underline"
        >
          <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5 shrink-0" fill="none" stroke="currentColor" strokeWidth="2">
            <rect x="3" y="5" width="18" height="16" rx="2" />
            <path d="M3 10h18M8 3v4M16 3v4" />
          </svg>
          {t("addToCalendar")}
        </a>
      )}
    </aside>
  );
}
