import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { EditorMessages } from "@/components/editor/editor-messages";
import { PageHeading } from "@/components/editor/page-heading";
import { VenueForm } from "@/components/venues/venue-form";
import { requireOrganisationPage } from "@/lib/auth/page-access";
import { ORGANISE } from "@/lib/auth/roles";
import { listVenues } from "@/lib/venues/queries";
import { EMPTY_VENUE } from "@/lib/venues/schema";
import { dashboardMetadata } from "../../../dashboard-metadata";

type Props = PageProps<"/[locale]/beheer/[organisation]/locaties">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "venues" });
  return dashboardMetadata(locale, t("title"));
}

export default async function VenuesPage({ params }: Props) {
  const { locale, organisation: slug } = (await params) as { locale: Locale; organisation: string };
  setRequestLocale(locale);
  const access = await requireOrganisationPage(locale, slug, ORGANISE, `/beheer/${slug}/locaties`);
  const [t, venues] = await Promise.all([getTranslations("venues"), listVenues(access.organisation.id)]);

  return (
    <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <PageHeading title={t("title")} intro={t("intro")} />
      <div className="mt-6 grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-labelledby="alle-locaties">
          <h2 id="alle-locaties" className="sr-only">
            {t("title")}
          </h2>
          {venues.length === 0 ? (
            <p className="rounded-lg border border-line bg-white p-5">{t("empty")}</p>
          ) : (
            <ul className="space-y-3">
              {venues.map((venue) => (
                <li key={venue.id} className="rounded-lg border border-line bg-white p-4">
                  <h3 className="text-lg font-semibold">
                    <Link href={`/beheer/${slug}/locaties/${venue.id}`} className="text-petrol-800 underline underline-offset-4">
                      {venue.name}
                    </Link>
                  </h3>
                  <p className="text-sm text-muted">
                    {venue.street}, {venue.postalCode} {venue.city} · {t("usedBy", { count: venue._count.conferences })}
                  </p>
                  <p className="mt-2 text-sm">
                    {venue.rooms.length === 0
                      ? t("noRooms")
                      : venue.rooms.map((room) => t("roomSummary", { name: room.name, capacity: room.capacity })).join(" · ")}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="nieuwe-locatie" className="self-start rounded-lg border border-line bg-white p-5">
          <h2 id="nieuwe-locatie" className="mb-1 text-xl font-semibold text-petrol-800">
            {t("newTitle")}
          </h2>
          <p className="mb-4 text-sm text-muted">{t("newIntro")}</p>
          <EditorMessages>
            <VenueForm mode="create" locale={locale} organisationId={access.organisation.id} requestKey={randomUUID()} values={EMPTY_VENUE} />
          </EditorMessages>
        </section>
      </div>
    </main>
  );
}
