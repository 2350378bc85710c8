import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { ConferenceForm } from "@/components/conference-editor/conference-form";
import { EditorMessages } from "@/components/editor/editor-messages";
import { PageHeading } from "@/components/editor/page-heading";
import { requireOrganisationPage } from "@/lib/auth/page-access";
import { ORGANISE } from "@/lib/auth/roles";
import { photoOptions, venueOptions } from "@/lib/conferences/admin-queries";
import { dashboardMetadata } from "../../../../dashboard-metadata";

type Props = PageProps<"/[locale]/beheer/[organisation]/conferenties/nieuw">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "conferenceEditor" });
  return dashboardMetadata(locale, t("new.title"));
}

export default async function NewConferencePage({ params }: Props) {
  const { locale, organisation: slug } = (await params) as { locale: Locale; organisation: string };
  setRequestLocale(locale);
  const access = await requireOrganisationPage(locale, slug, ORGANISE, `/beheer/${slug}/conferenties/nieuw`);
  const [t, venues, photos] = await Promise.all([
    getTranslations("conferenceEditor"),
    venueOptions(access.organisation.id),
    photoOptions(access.organisation.id),
  ]);

  return (
    <main className="mx-auto max-w-3xl px-4 py-8 sm:px-6">
      <PageHeading back={{ href: `/beheer/${slug}`, label: t("backToList") }} title={t("new.title")} intro={t("new.intro")} />
      <div className="mt-6">
        <EditorMessages>
          <ConferenceForm
            mode="create"
            locale={locale}
            organisationId={access.organisation.id}
            requestKey={randomUUID()}
            venues={venues}
            photos={photos}
            values={{
              title: "",
              subtitle: "",
              slug: "",
              description: "",
              venueId: venues[0]?.value ?? "",
              coverPhotoId: "",
              startsAt: "",
              endsAt: "",
              capacity: "",
              registrationOpensAt: "",
              registrationClosesAt: "",
              coverAlt: "",
              savedStartsAt: "",
            }}
          />
        </EditorMessages>
      </div>
    </main>
  );
}
