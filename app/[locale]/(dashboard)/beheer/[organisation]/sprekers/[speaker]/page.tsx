import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { Photo } from "@/components/photo";
import { DeleteForm } from "@/components/editor/delete-form";
import { EditorMessages } from "@/components/editor/editor-messages";
import { PageHeading } from "@/components/editor/page-heading";
import { SpeakerForm } from "@/components/speakers-editor/speaker-form";
import { requireOrganisationPage } from "@/lib/auth/page-access";
import { ORGANISE } from "@/lib/auth/roles";
import { deleteSpeakerAction } from "@/lib/speakers/actions";
import { getSpeakerForEditor } from "@/lib/speakers/admin-queries";
import { dashboardMetadata } from "../../../../dashboard-metadata";

type Props = PageProps<"/[locale]/beheer/[organisation]/sprekers/[speaker]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "speakersEditor" });
  return dashboardMetadata(locale, t("editTitle"));
}

export default async function SpeakerPage({ params }: Props) {
  const { locale, organisation: slug, speaker: speakerId } = (await params) as { locale: Locale; organisation: string; speaker: string };
  setRequestLocale(locale);
  const access = await requireOrganisationPage(locale, slug, ORGANISE, `/beheer/${slug}/sprekers/${speakerId}`);
  const speaker = await getSpeakerForEditor(access.organisation.id, speakerId);
  if (!speaker) notFound();
  const t = await getTranslations("speakersEditor");

  return (
    <main className="mx-auto max-w-3xl px-4 py-8 sm:px-6">
      <PageHeading back={{ href: `/beheer/${slug}/sprekers`, label: t("back") }} title={speaker.name} intro={t("sessions", { count: speaker._count.sessions })} />
      <EditorMessages>
        <section aria-labelledby="gegevens" className="mt-6 rounded-lg border border-line bg-white p-5">
          <h2 id="gegevens" className="sr-only">
            {t("editTitle")}
          </h2>
          <div className="mb-4 flex items-center gap-4">
            {speaker.photo ? (
              <Photo photo={speaker.photo} sizes="96px" className="h-24 w-24 rounded-full object-cover" />
            ) : (
              <p className="text-muted">{t("noPhoto")}</p>
            )}
          </div>
          <SpeakerForm
            mode="edit"
            locale={locale}
            speakerId={speaker.id}
            hasPhoto={speaker.photo !== null}
            values={{ name: speaker.name, role: speaker.role ?? "", affiliation: speaker.affiliation ?? "", bio: speaker.bio, photoAlt: "" }}
          />
        </section>
        {speaker._count.sessions + speaker._count.reports === 0 && (
          <section aria-labelledby="verwijderen" className="mt-8 rounded-lg border border-line bg-white p-5">
            <h2 id="verwijderen" className="mb-2 text-xl font-semibold text-petrol-800">
              {t("deleteTitle")}
            </h2>
            <DeleteForm action={deleteSpeakerAction} fields={{ speakerId: speaker.id }} label={t("deleteSpeaker", { name: speaker.name })} text={t("deleteText")} locale={locale} />
          </section>
        )}
      </EditorMessages>
    </main>
  );
}
