import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocalizedLink as Link } from "@/components/site/localized-link";
import { JsonLd } from "@/components/json-ld";
import { Photo } from "@/components/photo";
import { SpeakerSessions } from "@/components/speakers/speaker-sessions";
import { getPublicSpeaker, type PublicSpeaker } from "@/lib/speakers/queries";
import { formatShortDate } from "@/lib/format";
import { contentLang } from "@/lib/site/content-lang";
import { socialMetadata } from "@/lib/site/social";
import { absoluteUrl, localizedUrl, mediaPath, pageAlternates } from "@/lib/site/urls";
import type { Locale } from "@/i18n/routing";

type Props = PageProps<"/[locale]/sprekers/[slug]">;

export const revalidate = 300;

export function generateStaticParams(): Array<{ slug: string }> {
  // `next build` runs without a database: every speaker page is rendered on its first visit instead.
  return [];
}

function roleLine(speaker: PublicSpeaker): string {
  return [speaker.role, speaker.affiliation].filter(Boolean).join(", ");
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = (await params) as { locale: Locale; slug: string };
  const speaker = await getPublicSpeaker(slug);
  if (!speaker) return {};
  const t = await getTranslations({ locale, namespace: "site" });
  const path = `/sprekers/${slug}`;
  const description = roleLine(speaker) || speaker.bio.slice(0, 160) || undefined;
  return {
    title: speaker.name,
    description,
    alternates: pageAlternates(locale, path),
    ...socialMetadata({ locale, path, title: speaker.name, description, cover: speaker.photo, siteName: t("name") }),
  };
}

function personJsonLd(speaker: PublicSpeaker, locale: Locale) {
  return {
    "@context": "https://schema.org",
    "@type": "Person",
    name: speaker.name,
    url: localizedUrl(locale, `/sprekers/${speaker.slug}`),
    ...(speaker.role ? { jobTitle: speaker.role } : {}),
    ...(speaker.affiliation ? { affiliation: { "@type": "Organization", name: speaker.affiliation } } : {}),
    ...(speaker.bio ? { description: speaker.bio } : {}),
    ...(speaker.photo ? { image: absoluteUrl(mediaPath(speaker.photo.file)) } : {}),
    ...(speaker.links.length > 0 ? { sameAs: speaker.links.map((l) => l.url) } : {}),
  };
}

export default async function SpeakerPage({ params }: Props) {
  const { locale, slug } = (await params) as { locale: Locale; slug: string };
  setRequestLocale(locale);
  const speaker = await getPublicSpeaker(slug);
  if (!speaker) notFound();
  const t = await getTranslations("speaker");
  const lang = contentLang(locale);
  const role = roleLine(speaker);

  return (
    <main className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <JsonLd data={personJsonLd(speaker, locale)} />
      <header className="flex flex-col gap-6 sm:flex-row sm:items-center">
        {speaker.photo && (
          <Photo photo={speaker.photo} sizes="160px" className="h-40 w-40 shrink-0 rounded-full object-cover" priority />
        )}
        <div>
          <h1 className="text-3xl font-semibold tracking-tight text-petrol-800 sm:text-4xl">{speaker.name}</h1>
          {role && (
            <p lang={lang} className="mt-2 text-lg text-muted">
              {role}
            </p>
          )}
        </div>
      </header>

      {speaker.bio && (
        <p lang={lang} className="mt-8 max-w-prose text-lg leading-relaxed whitespace-pre-line">
          {speaker.bio}
        </p>
      )}

      {speaker.links.length > 0 && (
        <section aria-labelledby="speaker-links" className="mt-6">
          <h2 id="speaker-links" className="sr-only">
            {t("links", { name: speaker.name })}
          </h2>
          <ul className="flex flex-wrap gap-4">
            {speaker.links.map((link) => (
              <li key={link.url}>
                <a href={link.url} rel="noopener noreferrer" target="_blank" className="font-semibold text-petrol-700 underline">
                  {link.label}
                  <span className="sr-only"> ({t("opensInNewWindow")})</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}

      <SpeakerSessions sessions={speaker.sessions} locale={locale} />

      {speaker.reports.length > 0 && (
        <section aria-labelledby="speaker-reports" className="mt-12">
          <h2 id="speaker-reports" className="text-2xl font-semibold text-petrol-800">
            {t("reports")}
          </h2>
          <ul className="mt-4 space-y-4">
            {speaker.reports.map((report) => (
              <li key={report.slug} className="rounded-xl border border-line bg-white p-5">
                {report.publishedAt && (
                  <p className="text-sm text-muted">
                    <time dateTime={report.publishedAt.toISOString()}>{formatShortDate(report.publishedAt, locale)}</time>
                  </p>
                )}
                <h3 lang={lang} className="mt-1 text-lg font-semibold leading-snug">
                  <Link href={`/sfeerverslagen/${report.slug}`} className="text-petrol-800 underline-offset-4 hover:underline">
                    {report.title}
                  </Link>
                </h3>
                {report.lead && (
                  <p lang={lang} className="mt-1 line-clamp-3 text-muted">
                    {report.lead}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
