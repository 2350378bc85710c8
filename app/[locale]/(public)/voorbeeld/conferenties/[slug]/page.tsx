import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { ConferenceView } from "@/components/conferences/conference-view";
import { PreviewNotice } from "@/components/site/preview-notice";
import { previewAccess } from "@/lib/auth/preview-access";
import { loadConferencePreview } from "@/lib/conferences/queries";

type Props = PageProps<"/[locale]/voorbeeld/conferenties/[slug]">;

// Read per request with the visitor's session (so never from a cache), and never indexed.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: "conference" });
  return { title: t("previewTitle"), robots: { index: false, follow: false } };
}

// A conference as the public will see it, for its organisation's members only: anyone else, signed in or
// not, gets the same 404 as for a conference that does not exist.
export default async function ConferencePreviewPage({ params }: Props) {
  const { locale, slug } = (await params) as { locale: Locale; slug: string };
  setRequestLocale(locale);
  const preview = await loadConferencePreview(slug);
  if (!preview) notFound();
  const access = await previewAccess(preview.organisationId);
  if (!access) notFound();
  const t = await getTranslations("conference");
  return (
    <ConferenceView conference={preview.conference} locale={locale} preview={preview.draft}>
      <PreviewNotice
        title={t("previewTitle")}
        text={preview.draft ? t("previewText") : t("previewPublished")}
        back={{ href: `/beheer/${access.organisation.slug}/conferenties/${preview.conference.id}`, label: t("previewBack") }}
      />
    </ConferenceView>
  );
}
