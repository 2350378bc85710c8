import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocalizedLink as Link } from "@/components/site/localized-link";
import { ConferenceCard } from "@/components/conferences/conference-card";
import { NewsletterSignupLight } from "@/components/newsletter/newsletter-signup-light";
import { ReportCard } from "@/components/reports/report-card";
import { listPublicConferences } from "@/lib/conferences/queries";
import { listLatestReports } from "@/lib/reports/queries";
import { socialMetadata } from "@/lib/site/social";
import { pageAlternates } from "@/lib/site/urls";
import type { Locale } from "@/i18n/routing";

// Served from the cache; conference and report changes expire it through their tags. A minute at most for
// what changes with the clock alone (a conference moving from "coming up" to "earlier", a scheduled report).
export const revalidate = 60;

export async function generateMetadata({ params }: PageProps<"/[locale]">): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: "site" });
  return {
    alternates: pageAlternates(locale, "/"),
    ...socialMetadata({ locale, path: "/", title: t("name"), description: t("tagline"), siteName: t("name") }),
  };
}

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
            {upcoming.map((c, index) => (
              <ConferenceCard
                key={c.id}
                locale={locale}
                conference={c}
                priority={index === 0}
                badge={c.status === "CANCELLED" ? tc("state.cancelled") : undefined}
              />
            ))}
          </div>
        )}
      </section>

      <section aria-labelledby="reports" className="mt-14">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="reports" className="text-2xl font-semibold text-petrol-800">
            {t("latestReports")}
          </h2>
          {reports.length > 0 && (
            <Link href="/sfeerverslagen" className="font-semibold text-petrol-700 underline">
              {t("allReports")}
            </Link>
          )}
        </div>
        {reports.length === 0 ? (
          <p className="mt-3">{t("noReports")}</p>
        ) : (
          <ul className="mt-4 grid gap-6 md:grid-cols-3">
            {reports.map((report) => (
              <li key={report.slug}>
                <ReportCard locale={locale} report={report} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <div className="mt-14">
        <NewsletterSignupLight locale={locale} />
      </div>

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
