import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { Link } from "@/i18n/navigation";
import { primaryButton } from "@/components/dashboard/styles";
import { ConferenceTable } from "@/components/dashboard/conference-table";
import { HostConferenceList } from "@/components/dashboard/host-conference-list";
import { requireOrganisationPage } from "@/lib/auth/page-access";
import { CHECK_IN } from "@/lib/auth/roles";
import { listDashboardConferences, listHostConferences } from "@/lib/organisations/queries";
import { dashboardMetadata } from "../../dashboard-metadata";

type Props = PageProps<"/[locale]/beheer/[organisation]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "dashboard.conferences" });
  return dashboardMetadata(locale, t("title"));
}

export default async function OrganisationPage({ params }: Props) {
  const { locale, organisation: slug } = (await params) as { locale: Locale; organisation: string };
  setRequestLocale(locale);
  const access = await requireOrganisationPage(locale, slug, CHECK_IN, `/beheer/${slug}`);
  const t = await getTranslations("dashboard");

  // Hosts see where to check people in, and nothing else: no counts, no drafts, no members.
  if (access.role === "HOST") {
    const conferences = await listHostConferences(access.organisation.id);
    return (
      <main className="mx-auto max-w-3xl px-4 py-8 sm:px-6">
        <h1 className="text-2xl font-semibold text-petrol-800 sm:text-3xl">{t("host.title")}</h1>
        <p className="mt-2 text-muted">{t("host.intro")}</p>
        <div className="mt-6">
          <HostConferenceList conferences={conferences} locale={locale} />
        </div>
      </main>
    );
  }

  const [conferences, tEditor] = await Promise.all([
    listDashboardConferences(access.organisation.id),
    getTranslations("conferenceEditor"),
  ]);
  const now = new Date();
  const upcoming = conferences.filter((c) => c.endsAt > now).reverse();
  const past = conferences.filter((c) => c.endsAt <= now);

  return (
    <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold text-petrol-800 sm:text-3xl">{t("conferences.title")}</h1>
        <Link href={`/beheer/${slug}/conferenties/nieuw`} className={primaryButton}>
          <span aria-hidden>+&nbsp;</span>
          {tEditor("newConference")}
        </Link>
      </div>
      {conferences.length === 0 ? (
        <p className="mt-6 rounded-lg border border-line bg-white p-5">{t("conferences.empty")}</p>
      ) : (
        <>
          <section aria-labelledby="komend" className="mt-6">
            <h2 id="komend" className="text-xl font-semibold text-petrol-800">
              {t("conferences.upcoming")}
            </h2>
            <div className="mt-3">
              {upcoming.length > 0 ? (
                <ConferenceTable conferences={upcoming} locale={locale} caption={t("conferences.upcoming")} organisationSlug={slug} />
              ) : (
                <p className="text-muted">{t("conferences.emptyUpcoming")}</p>
              )}
            </div>
          </section>
          <section aria-labelledby="afgelopen" className="mt-10">
            <h2 id="afgelopen" className="text-xl font-semibold text-petrol-800">
              {t("conferences.past")}
            </h2>
            <div className="mt-3">
              {past.length > 0 ? (
                <ConferenceTable conferences={past} locale={locale} caption={t("conferences.past")} organisationSlug={slug} />
              ) : (
                <p className="text-muted">{t("conferences.emptyPast")}</p>
              )}
            </div>
          </section>
        </>
      )}
    </main>
  );
}
