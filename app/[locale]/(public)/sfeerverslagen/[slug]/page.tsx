import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { Markdown } from "@/components/markdown";
import { Photo } from "@/components/photo";
import { getPublishedReport } from "@/lib/reports/queries";
import { formatDateTimeRange, formatShortDate } from "@/lib/format";
import type { Locale } from "@/i18n/routing";

type Props = PageProps<"/[locale]/sfeerverslagen/[slug]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const report = await getPublishedReport(slug);
  if (!report) return {};
  return { title: report.title, description: report.lead };
}

export default async function ReportPage({ params }: Props) {
  const { locale, slug } = (await params) as { locale: Locale; slug: string };
  setRequestLocale(locale);
  const report = await getPublishedReport(slug);
  if (!report) notFound();
  const t = await getTranslations("report");

  return (
    <main>
      <article className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
        <header>
          <h1 className="text-3xl font-semibold leading-tight tracking-tight text-petrol-800 sm:text-4xl">{report.title}</h1>
          <p className="mt-3 text-muted">
            {report.publishedAt && (
              <time dateTime={report.publishedAt.toISOString()}>
                {t("published", { date: formatShortDate(report.publishedAt, locale) })}
              </time>
            )}
            {report.authorName && <> · {t("by", { author: report.authorName })}</>}
          </p>
        </header>
        {report.coverPhoto && (
          <figure className="mt-6">
            <Photo photo={report.coverPhoto} sizes="(min-width: 768px) 768px, 100vw" className="h-auto w-full rounded-xl" priority />
            {report.coverPhoto.caption && <figcaption className="mt-2 text-sm text-muted">{report.coverPhoto.caption}</figcaption>}
          </figure>
        )}
        {report.lead && <p className="mt-8 text-xl leading-relaxed">{report.lead}</p>}
        <Markdown className="prose-podium mt-6">{report.body}</Markdown>

        {report.quotes.map((quote) => (
          <figure key={quote.id} className="my-10 border-l-4 border-accent-600 pl-6">
            <blockquote className="text-2xl leading-snug text-petrol-800">“{quote.text}”</blockquote>
            {quote.attribution && <figcaption className="mt-2 text-muted">{quote.attribution}</figcaption>}
          </figure>
        ))}

        {report.photos.length > 0 && (
          <section aria-labelledby="gallery" className="mt-12">
            <h2 id="gallery" className="text-2xl font-semibold text-petrol-800">
              {t("gallery")}
            </h2>
            <ul className="mt-4 grid gap-4 sm:grid-cols-2">
              {report.photos.map(({ photo }) => (
                <li key={photo.id}>
                  <a href={`/media/${photo.file}`}>
                    <Photo photo={photo} sizes="(min-width: 640px) 384px, 100vw" className="h-auto w-full rounded-lg" />
                  </a>
                  {photo.caption && <p className="mt-1 text-sm text-muted">{photo.caption}</p>}
                </li>
              ))}
            </ul>
          </section>
        )}

        {report.conference && (
          <section aria-labelledby="about-conference" className="mt-12 rounded-xl border border-line bg-white p-5">
            <h2 id="about-conference" className="text-xl font-semibold text-petrol-800">
              {t("about")}
            </h2>
            <p className="mt-2">
              <Link href={`/conferenties/${report.conference.slug}`} className="font-semibold text-petrol-700 underline">
                {report.conference.title}
              </Link>
              <br />
              {formatDateTimeRange(report.conference.startsAt, report.conference.endsAt, locale)}
              {report.conference.venue && `, ${report.conference.venue.name}`}
            </p>
          </section>
        )}

        {report.links.length > 0 && (
          <section aria-labelledby="read-more" className="mt-8">
            <h2 id="read-more" className="text-xl font-semibold text-petrol-800">
              {t("readMore")}
            </h2>
            <ul className="mt-2 list-disc pl-6">
              {report.links.map((link) => (
                <li key={link.id}>
                  <a href={link.url} rel="noopener noreferrer" target="_blank" className="text-petrol-700 underline">
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        )}

        {report.dossiers.length > 0 && (
          <p className="mt-8 text-muted">
            {t("inDossiers")}:{" "}
            {report.dossiers.map(({ dossier }) => (
              <Link key={dossier.slug} href={`/dossiers/${dossier.slug}`} className="text-petrol-700 underline">
                {dossier.title}
              </Link>
            ))}
          </p>
        )}
      </article>
    </main>
  );
}
