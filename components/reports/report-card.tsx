import { LocalizedLink as Link } from "@/components/site/localized-link";
import { Photo, type PhotoData } from "@/components/photo";
import { formatShortDate } from "@/lib/format";
import { contentLang } from "@/lib/site/content-lang";
import type { Locale } from "@/i18n/routing";

type Props = {
  locale: Locale;
  report: { slug: string; title: string; lead: string; publishedAt: Date | null; coverPhoto: PhotoData | null };
  headingLevel?: "h2" | "h3";
  /** The first card of a page's list: its cover is what a phone paints largest, so it is fetched at once. */
  priority?: boolean;
};

// A report in a list: cover, date, title (the link, stretched over the card) and lead.
export function ReportCard({ locale, report, headingLevel = "h3", priority }: Props) {
  const Heading = headingLevel;
  return (
    <article className="relative flex h-full flex-col overflow-hidden rounded-xl border border-line bg-white shadow-sm">
      {report.coverPhoto && (
        <Photo
          photo={report.coverPhoto}
          sizes="(min-width: 1024px) 360px, (min-width: 768px) 50vw, 100vw"
          className="aspect-[16/9] h-auto w-full object-cover"
          priority={priority}
        />
      )}
      <div className="flex flex-1 flex-col p-5">
        {report.publishedAt && (
          <p className="text-sm text-muted">
            <time dateTime={report.publishedAt.toISOString()}>{formatShortDate(report.publishedAt, locale)}</time>
          </p>
        )}
        <Heading className="mt-1 text-lg font-semibold leading-snug" lang={contentLang(locale)}>
          <Link href={`/sfeerverslagen/${report.slug}`} className="text-petrol-800 after:absolute after:inset-0 hover:underline">
            {report.title}
          </Link>
        </Heading>
        {report.lead && (
          <p className="mt-2 line-clamp-4 text-muted" lang={contentLang(locale)}>
            {report.lead}
          </p>
        )}
      </div>
    </article>
  );
}
