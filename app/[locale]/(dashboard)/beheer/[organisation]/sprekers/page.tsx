import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { Photo } from "@/components/photo";
import { EditorMessages } from "@/components/editor/editor-messages";
import { PageHeading } from "@/components/editor/page-heading";
import { SpeakerForm } from "@/components/speakers-editor/speaker-form";
import { requireOrganisationPage } from "@/lib/auth/page-access";
import { ORGANISE } from "@/lib/auth/roles";
import { listSpeakersForEditor } from "@/lib/speakers/admin-queries";
import { EMPTY_SPEAKER } from "@/lib/speakers/schema";
import { dashboardMetadata } from "../../../dashboard-metadata";

// "Patricia van Aaken" → "PA": a stand-in until a photo is uploaded.
function initials(name: string): string {
  const words = name.split(/\s+/).filter((word) => /^\p{Lu}/u.test(word));
  return ((words[0]?.[0] ?? name[0] ?? "") + (words.length > 1 ? (words.at(-1)?.[0] ?? "") : "")).toUpperCase();
}

type Props = PageProps<"/[locale]/beheer/[organisation]/sprekers">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "speakersEditor" });
  return dashboardMetadata(locale, t("title"));
}

export default async function SpeakersPage({ params }: Props) {
  const { locale, organisation: slug } = (await params) as { locale: Locale; organisation: string };
  setRequestLocale(locale);
  const access = await requireOrganisationPage(locale, slug, ORGANISE, `/beheer/${slug}/sprekers`);
  const [t, speakers] = await Promise.all([getTranslations("speakersEditor"), listSpeakersForEditor(access.organisation.id)]);

  return (
    <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <PageHeading title={t("title")} intro={t("intro")} />
      <div className="mt-6 grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-labelledby="alle-sprekers">
          <h2 id="alle-sprekers" className="sr-only">
            {t("title")}
          </h2>
          {speakers.length === 0 ? (
            <p className="rounded-lg border border-line bg-white p-5">{t("empty")}</p>
          ) : (
            <ul className="divide-y divide-line rounded-lg border border-line bg-white">
              {speakers.map((speaker) => (
                <li key={speaker.id} className="flex items-center gap-4 p-3">
                  {speaker.photo ? (
                    <Photo photo={speaker.photo} sizes="48px" className="h-12 w-12 shrink-0 rounded-full object-cover" />
                  ) : (
                    <span aria-hidden className="flex h-12 w-12 shrink-0 items-center justify-center rounded-full bg-petrol-50 font-semibold text-petrol-800">
                      {initials(speaker.name)}
                    </span>
                  )}
                  <div className="min-w-0">
                    <Link href={`/beheer/${slug}/sprekers/${speaker.id}`} className="font-semibold text-petrol-800 underline underline-offset-4">
                      {speaker.name}
                    </Link>
                    <p className="text-sm text-muted">
                      {[speaker.role, speaker.affiliation, t("sessions", { count: speaker._count.sessions })].filter(Boolean).join(" · ")}
                    </p>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="nieuwe-spreker" className="self-start rounded-lg border border-line bg-white p-5">
          <h2 id="nieuwe-spreker" className="mb-4 text-xl font-semibold text-petrol-800">
            {t("newTitle")}
          </h2>
          <EditorMessages>
            <SpeakerForm mode="create" locale={locale} organisationId={access.organisation.id} requestKey={randomUUID()} values={EMPTY_SPEAKER} />
          </EditorMessages>
        </section>
      </div>
    </main>
  );
}
