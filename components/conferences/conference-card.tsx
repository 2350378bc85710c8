import { LocalizedLink as Link } from "@/components/site/localized-link";
import { Photo, type PhotoData } from "@/components/photo";
import { formatDateTimeRange } from "@/lib/format";
import { contentLang } from "@/lib/site/content-lang";

type Props = {
  locale: "nl" | "en";
  conference: {
    slug: string;
    title: string;
    subtitle: string | null;
    startsAt: Date;
    endsAt: Date;
    venue: { name: string; city: string } | null;
    coverPhoto: PhotoData | null;
  };
  badge?: string;
  /** The first card of a page's list: its cover is what a phone paints largest, so it is fetched at once. */
  priority?: boolean;
};

export function ConferenceCard({ locale, conference, badge, priority }: Props) {
  const lang = contentLang(locale);
  return (
    <article className="group relative flex flex-col overflow-hidden rounded-xl border border-line bg-white shadow-sm">
      {conference.coverPhoto && (
        <Photo photo={conference.coverPhoto} sizes="(min-width: 768px) 50vw, 100vw" className="aspect-[16/9] h-auto w-full object-cover" priority={priority} />
      )}
      <div className="flex flex-1 flex-col gap-2 p-5">
        {badge && <p className="text-sm font-semibold text-accent-700">{badge}</p>}
        <h3 lang={lang} className="text-xl font-semibold leading-snug text-petrol-800">
          <Link href={`/conferenties/${conference.slug}`} className="after:absolute after:inset-0 hover:underline">
            {conference.title}
          </Link>
        </h3>
        {conference.subtitle && (
          <p lang={lang} className="text-muted">
            {conference.subtitle}
          </p>
        )}
        <p className="mt-auto pt-2 text-sm">
          <time dateTime={conference.startsAt.toISOString()}>
            {formatDateTimeRange(conference.startsAt, conference.endsAt, locale)}
          </time>
          {conference.venue && (
            <>
              <br />
              {conference.venue.name}, {conference.venue.city}
            </>
          )}
        </p>
      </div>
    </article>
  );
}
