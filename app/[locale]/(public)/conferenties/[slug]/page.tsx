import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { JsonLd } from "@/components/json-ld";
import { ConferenceView, uniqueSpeakers } from "@/components/conferences/conference-view";
import { getPublicConference, type PublicConference } from "@/lib/conferences/queries";
import { formatDateTimeRange } from "@/lib/format";
import { eventJsonLd } from "@/lib/conferences/event-json-ld";
import { socialMetadata } from "@/lib/site/social";
import { absoluteUrl, localizedUrl, mediaPath, pageAlternates } from "@/lib/site/urls";
import type { Locale } from "@/i18n/routing";

type Props = PageProps<"/[locale]/conferenties/[slug]">;

// Rendered on first visit, then served from the cache: a registration expires the conference's tag (places
// left), an organiser's edit the conference's and the list's. Five minutes at most for what changes with
// the clock alone (registration opening or closing).
export const revalidate = 300;

export function generateStaticParams(): Array<{ slug: string }> {
  // `next build` runs without a database: every conference is rendered on its first visit instead.
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = (await params) as { locale: Locale; slug: string };
  const conference = await getPublicConference(slug);
  if (!conference) return {};
  const t = await getTranslations({ locale, namespace: "site" });
  const path = `/conferenties/${slug}`;
  const when = formatDateTimeRange(conference.startsAt, conference.endsAt, locale);
  const description = [conference.subtitle, when, conference.venue && `${conference.venue.name}, ${conference.venue.city}`]
    .filter(Boolean)
    .join(" · ");
  return {
    title: conference.title,
    description,
    alternates: pageAlternates(locale, path),
    ...socialMetadata({ locale, path, title: conference.title, description, cover: conference.coverPhoto, siteName: t("name") }),
  };
}

function structuredData(conference: PublicConference, locale: Locale, speakers: ReturnType<typeof uniqueSpeakers>) {
  const venue = conference.venue;
  return eventJsonLd({
    url: localizedUrl(locale, `/conferenties/${conference.slug}`),
    registerUrl: localizedUrl(locale, `/conferenties/${conference.slug}/aanmelden`),
    title: conference.title,
    description: conference.subtitle ?? "",
    startsAt: conference.startsAt,
    endsAt: conference.endsAt,
    cancelled: conference.status === "CANCELLED",
    registration: conference.places.state,
    registrationOpensAt: conference.registrationOpensAt,
    image: conference.coverPhoto ? absoluteUrl(mediaPath(conference.coverPhoto.file)) : null,
    venue: venue && {
      name: venue.name,
      street: venue.street,
      postalCode: venue.postalCode,
      city: venue.city,
      country: venue.country,
      latitude: venue.latitude,
      longitude: venue.longitude,
    },
    performers: speakers.map((s) => ({
      name: s.name,
      url: localizedUrl(locale, `/sprekers/${s.slug}`),
      jobTitle: s.role,
      affiliation: s.affiliation,
    })),
    organizer: { name: conference.organisation.name, url: conference.organisation.website },
  });
}

export default async function ConferencePage({ params }: Props) {
  const { locale, slug } = (await params) as { locale: Locale; slug: string };
  setRequestLocale(locale);
  const conference = await getPublicConference(slug);
  if (!conference) notFound();
  return (
    <ConferenceView conference={conference} locale={locale}>
      <JsonLd data={structuredData(conference, locale, uniqueSpeakers(conference))} />
    </ConferenceView>
  );
}
