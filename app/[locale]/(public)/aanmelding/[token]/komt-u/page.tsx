import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocalizedLink as Link } from "@/components/site/localized-link";
import { formatDateTimeRange } from "@/lib/format";
import { cancelAction, confirmComingAction } from "@/lib/registrations/manage-actions";
import { getManageView } from "@/lib/registrations/queries";
import type { Locale } from "@/i18n/routing";

type Props = PageProps<"/[locale]/aanmelding/[token]/komt-u">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "manage" });
  // The URL holds a secret (see the manage page).
  return { title: t("stillComing.title"), robots: { index: false, follow: false }, referrer: "same-origin" };
}

// Where the "still coming?" email's links lead: two buttons, never an action on opening (mail scanners open
// links). Plain forms with the token bound by the page, so they work without JavaScript; "no" is the manage
// page's own cancel, which frees the place and promotes whoever waits at once.
export default async function StillComingPage({ params, searchParams }: Props) {
  const { locale, token } = (await params) as { locale: Locale; token: string };
  setRequestLocale(locale);
  const view = await getManageView(token);
  if (!view) notFound();
  const { registration } = view;
  const { conference } = registration;
  const t = await getTranslations("manage");
  const answer = (await searchParams).antwoord;
  const open = registration.status === "CONFIRMED" && conference.status === "PUBLISHED" && conference.startsAt > new Date();
  const yes = (
    <form action={confirmComingAction.bind(null, token)}>
      <button type="submit" className="min-h-12 rounded-md bg-petrol-800 px-5 font-semibold text-white hover:bg-petrol-900">
        {t("stillComing.yes")}
      </button>
    </form>
  );
  const no = (
    <form action={cancelAction.bind(null, token)}>
      <button type="submit" className="min-h-12 rounded-md border-2 border-bad-700 bg-white px-5 font-semibold text-bad-700 hover:bg-bad-50">
        {t("stillComing.cancel")}
      </button>
    </form>
  );
  return (
    <main className="mx-auto max-w-2xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-semibold leading-tight text-petrol-800">{t("stillComing.title")}</h1>
      <p className="mt-4 text-lg">{t("stillComing.intro", { title: conference.title, date: formatDateTimeRange(conference.startsAt, conference.endsAt, locale) })}</p>
      {registration.comingConfirmedAt && <p className="mt-4 font-semibold text-ok-700">{t("stillComing.confirmed")}</p>}
      {open ? (
        // The answer chosen in the email comes first.
        <div className="mt-6 flex flex-wrap gap-3">
          {(answer === "nee" ? (["no", "yes"] as const) : (["yes", "no"] as const)).map((choice) => (
            <div key={choice}>{choice === "yes" ? yes : no}</div>
          ))}
        </div>
      ) : (
        <p className="mt-6">{t(registration.status === "CANCELLED" ? "cancelled" : "errors.past")}</p>
      )}
      <p className="mt-8">
        <Link href={`/aanmelding/${token}`} className="font-semibold text-petrol-700 underline">
          {t("title")}
        </Link>
      </p>
    </main>
  );
}
