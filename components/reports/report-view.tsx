import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { LocalizedLink as Link } from "@/components/site/localized-link";
import { Photo } from "@/components/photo";
import { ReportBody } from "@/components/reports/report-body";
import { ReportGallery } from "@/components/reports/report-gallery";
import { ReportSpeakers } from "@/components/reports/report-speakers";
import type { PublishedReport } from "@/lib/reports/queries";
import { formatDateTimeRange, formatShortDate } from "@/lib/format";
import { contentLang } from "@/lib/site/content-lang";
import { localizedUrl } from "@/lib/site/urls";

// One report as the public sees it: its page, and the organisers' preview of a draft (which puts its notice
// in `children`, above everything).
export async function ReportView({ report, locale, children }: { report: PublishedReport; locale: "nl" | "en"; children?: ReactNode }) {
  const t = await getTranslations("report");
  const lang = contentLang(locale);

  return (
    <main>
      {children}
      <article className="mx-auto max-w-3xl px-4 py-10 sm:px-6 print:max-w-none print:px-0 print:py-0">
        <header>
          <h1 lang={lang} className="text-3xl font-semibold leading-tight tracking-tight text-petrol-800 sm:text-4xl">
            {report.title}
          </h1>
          <p className="mt-3 text-muted">
            {report.publishedAt && (
              <time dateTime={report.publishedAt.toISOString()}>
                {t("published", { date: formatShortDate(report.publishedAt, locale) })}
              </time>
            )}
            {/* A draft in its preview has no date yet: then the author stands alone. */}
            {report.authorName && (
              <>
                {report.publishedAt && " · "}
                {t("by", { author: report.authorName })}
              </>
            )}
          </p>
        </header>
        {report.coverPhoto && (
          <figure className="mt-6 print:break-inside-avoid">
            <Photo photo={report.coverPhoto} sizes="(min-width: 768px) 768px, 100vw" className="h-auto w-full rounded-xl" priority />
            {(report.coverPhoto.caption || report.coverPhoto.credit) && (
              <figcaption lang={lang} className="mt-2 text-sm text-muted">
                {report.coverPhoto.caption}
                {report.coverPhoto.caption && report.coverPhoto.credit && " "}
                {report.coverPhoto.credit && <span className="whitespace-nowrap">({report.coverPhoto.credit})</span>}
              </figcaption>
            )}
          </figure>
        )}
        <ReportBody lead={report.lead} body={report.body} quotes={report.quotes} lang={lang} />

        <ReportGallery photos={report.photos.map((p) => p.photo)} locale={locale} />
        <ReportSpeakers speakers={report.speakers.map((s) => s.speaker)} locale={locale} />

        {report.conference && (
          <section aria-labelledby="about-conference" className="mt-12 rounded-xl border border-line bg-white p-5 print:break-inside-avoid">
            <h2 id="about-conference" className="text-xl font-semibold text-petrol-800">
              {t("about")}
            </h2>
            <p className="mt-2">
              <Link href={`/conferenties/${report.conference.slug}`} lang={lang} className="font-semibold text-petrol-700 underline">
                {report.conference.title}
              </Link>
              <br />
              {formatDateTimeRange(report.conference.startsAt, report.conference.endsAt, locale)}
              {report.conference.venue && `, ${report.conference.venue.name}, ${report.conference.venue.city}`}
            </p>
          </section>
        )}

        {report.links.length > 0 && (
          <section aria-labelledby="read-more" className="mt-8">
            <h2 id="read-more" className="text-xl font-semibold text-petrol-800">
              {t("readMore")}
            </h2>
            <ul className="mt-2 list-disc space-y-1 pl-6">
              {report.links.map((link) => (
                <li key={link.id}>
                  <a href={link.url} rel="noopener noreferrer" target="_blank" lang={lang} className="text-petrol-700 underline">
                    {link.label}
                    <span className="sr-only"> ({t("opensInNewWindow")})</span>
                  </a>
                  {/* On paper a link is only useful with its address. */}
                  <span className="hidden break-all text-sm print:inline"> ({link.url})</span>
                </li>
              ))}
            </ul>
          </section>
        )}

        {report.dossiers.length > 0 && (
          <p className="mt-8 text-muted print:hidden">
            {t("inDossiers")}:{" "}
            {report.dossiers.map(({ dossier }, index) => (
              <span key={dossier.slug}>
                {index > 0 && ", "}
                <Link href={`/dossiers/${dossier.slug}`} lang={lang} className="text-petrol-700 underline">
                  {dossier.title}
                </Link>
              </span>
            ))}
          </p>
        )}

        <p className="mt-10 hidden text-sm text-muted print:block">
          {t("print", { url: localizedUrl(locale, `/sfeerverslagen/${report.slug}`) })}
        </p>
      </article>
    </main>
  );
}
