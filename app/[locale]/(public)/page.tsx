import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { ConferenceCard } from "@/components/conferences/conference-card";
import { listPublicConferences } from "@/lib/conferences/queries";
import { listLatestReports } from "@/lib/reports/queries";
import { formatShortDate } from "@/lib/format";
import type { Locale } from "@/i18n/routing";

export default async function HomePage({ params }: PageProps<"/[locale]">) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const t = await getTranslations("home");
  const tc = await getTranslations("conference");
  const [conferences, reports] = await Promise.all([listPublicConferences(), listLatestReports("3")]);
  const now = new Date();
  const upcoming = conferences.filter((c) => c.endsAt > now);
  const past = conferences.filter((c) => c.endsAt <= now).reverse();

  return (
    <main className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-semibold tracking-tight text-petrol-800 sm:text-4xl">{t("title")}</h1>
      <p className="mt-3 max-w-2xl text-lg text-muted">{t("intro")}</p>

      <section aria-labelledby="upcoming" className="mt-10">
        <h2 id="upcoming" className="text-2xl font-semibold text-petrol-800">
          {t("upcoming")}
        </h2>
        {upcoming.length === 0 ? (
          <p className="mt-3">{t("noUpcoming")}</p>
        ) : (
          <div className="mt-4 grid gap-6 md:grid-cols-2">
            {upcoming.map((c) => (
              <ConferenceCard
                key={c.id}
                locale={locale}
                conference={c}
                badge={c.status === "CANCELLED" ? tc("state.cancelled") : undefined}
              />
            ))}
          </div>
        )}
      </section>

      <section aria-labelledby="reports" className="mt-14">
        <h2 id="reports" className="text-2xl font-semibold text-petrol-800">
          {t("latestReports")}
        </h2>
        {reports.length === 0 ? (
          <p className="mt-3">{t("noReports")}</p>
        ) : (
          <ul className="mt-4 grid gap-6 md:grid-cols-3">
            {reports.map((r) => (
              <li key={r.slug} className="rounded-xl border border-line bg-white p-5">
                <p className="text-sm text-muted">{r.publishedAt && formatShortDate(r.publishedAt, locale)}</p>
                <h3 className="mt-1 text-lg font-semibold leading-snug">
                  <Link href={`/sfeerverslagen/${r.slug}`} className="text-petrol-800 hover:underline">
                    {r.title}
                  </Link>
                </h3>
                <p className="mt-2 line-clamp-3 text-muted">{r.lead}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {past.length > 0 && (
        <section aria-labelledby="past" className="mt-14">
          <h2 id="past" className="text-2xl font-semibold text-petrol-800">
            {t("past")}
          </h2>
          <div className="mt-4 grid gap-6 md:grid-cols-2">
            {past.map((c) => (
              <ConferenceCard key={c.id} locale={locale} conference={c} />
            ))}
          </div>
        </section>
      )}
    </main>
  );
}
