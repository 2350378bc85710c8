// schema.org Event for a conference page, as search engines read it: where, when, who, whether it goes on
// and whether places are left. Pure, so a unit test pins the mapping.
import type { RegistrationState } from "@/lib/places/schema";
import { amsterdamIso } from "@/lib/time/amsterdam";

export type EventJsonLdInput = {
  url: string;
  registerUrl: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  cancelled: boolean;
  registration: RegistrationState;
  registrationOpensAt: Date | null;
  image: string | null;
  venue: {
    name: string;
    street: string;
    postalCode: string;
    city: string;
    country: string;
    latitude: number | null;
    longitude: number | null;
  } | null;
  performers: Array<{ name: string; url: string; jobTitle: string | null; affiliation: string | null }>;
  organizer: { name: string; url: string | null };
};

const SCHEMA = "https://schema.org/";

// Offer availability per registration state: places left, full (waitlist only), not open yet, or over.
const AVAILABILITY: Record<RegistrationState, string> = {
  open: "InStock",
  full: "SoldOut",
  notYetOpen: "PreOrder",
  closed: "Discontinued",
  past: "Discontinued",
  cancelled: "Discontinued",
  draft: "Discontinued",
};

export function eventJsonLd(input: EventJsonLdInput): Record<string, unknown> {
  const venue = input.venue;
  return {
    "@context": "https://schema.org",
    "@type": "Event",
    name: input.title,
    ...(input.description ? { description: input.description } : {}),
    url: input.url,
    startDate: amsterdamIso(input.startsAt),
    endDate: amsterdamIso(input.endsAt),
    eventStatus: `${SCHEMA}${input.cancelled ? "EventCancelled" : "EventScheduled"}`,
    eventAttendanceMode: `${SCHEMA}OfflineEventAttendanceMode`,
    inLanguage: "nl",
    ...(input.image ? { image: [input.image] } : {}),
    ...(venue
      ? {
          location: {
            "@type": "Place",
            name: venue.name,
            address: {
              "@type": "PostalAddress",
              streetAddress: venue.street,
              postalCode: venue.postalCode,
              addressLocality: venue.city,
              addressCountry: venue.country,
            },
            ...(venue.latitude !== null && venue.longitude !== null
              ? { geo: { "@type": "GeoCoordinates", latitude: venue.latitude, longitude: venue.longitude } }
              : {}),
          },
        }
      : {}),
    ...(input.performers.length > 0
      ? {
          performer: input.performers.map((p) => ({
            "@type": "Person",
            name: p.name,
            url: p.url,
            ...(p.jobTitle ? { jobTitle: p.jobTitle } : {}),
            ...(p.affiliation ? { affiliation: { "@type": "Organization", name: p.affiliation } } : {}),
          })),
        }
      : {}),
    organizer: {
      "@type": "Organization",
      name: input.organizer.name,
      ...(input.organizer.url ? { url: input.organizer.url } : {}),
    },
    offers: {
      "@type": "Offer",
      url: input.registerUrl,
      price: 0,
      priceCurrency: "EUR",
      availability: `${SCHEMA}${AVAILABILITY[input.registration]}`,
      ...(input.registrationOpensAt ? { validFrom: amsterdamIso(input.registrationOpensAt) } : {}),
    },
  };
}
