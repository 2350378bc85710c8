import { describe, expect, it } from "vitest";
import { eventJsonLd, type EventJsonLdInput } from "./event-json-ld";

const input: EventJsonLdInput = {
  url: "https://podium.example/conferenties/x",
  registerUrl: "https://podium.example/conferenties/x/aanmelden",
  title: "Doe, Leer en Inspireer!",
  description: "Samen doen",
  startsAt: new Date("2017-10-26T11:00:00Z"),
  endsAt: new Date("2017-10-26T15:30:00Z"),
  cancelled: false,
  registration: "open",
  registrationOpensAt: null,
  image: "https://podium.example/media/cover.webp",
  venue: {
    name: "Theater aan de Schie",
    street: "Stadserf 1",
    postalCode: "3112 DZ",
    city: "Schiedam",
    country: "NL",
    latitude: 51.9158,
    longitude: 4.399,
  },
  performers: [{ name: "Toby Witte", url: "https://podium.example/sprekers/toby-witte", jobTitle: "Lector", affiliation: null }],
  organizer: { name: "Werkplaats", url: "https://werkplaats.example" },
};

describe("eventJsonLd", () => {
  it("describes an offline event at a postal address with coordinates, in Amsterdam time", () => {
    const event = eventJsonLd(input);
    expect(event).toMatchObject({
      "@type": "Event",
      startDate: "2017-10-26T13:00:00+02:00",
      endDate: "2017-10-26T17:30:00+02:00",
      eventStatus: "https://schema.org/EventScheduled",
      eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
      location: {
        "@type": "Place",
        address: { "@type": "PostalAddress", postalCode: "3112 DZ", addressLocality: "Schiedam", addressCountry: "NL" },
        geo: { "@type": "GeoCoordinates", latitude: 51.9158, longitude: 4.399 },
      },
      performer: [{ "@type": "Person", name: "Toby Witte", jobTitle: "Lector" }],
      organizer: { "@type": "Organization", name: "Werkplaats" },
      offers: { "@type": "Offer", price: 0, priceCurrency: "EUR", availability: "https://schema.org/InStock" },
    });
  });

  it("marks a cancelled event and a full one", () => {
    expect(eventJsonLd({ ...input, cancelled: true, registration: "cancelled" })).toMatchObject({
      eventStatus: "https://schema.org/EventCancelled",
      offers: { availability: "https://schema.org/Discontinued" },
    });
    expect(eventJsonLd({ ...input, registration: "full" })).toMatchObject({ offers: { availability: "https://schema.org/SoldOut" } });
  });

  it("says from when places can be booked before sign-up opens", () => {
    const event = eventJsonLd({ ...input, registration: "notYetOpen", registrationOpensAt: new Date("2026-10-01T07:00:00Z") });
    expect(event).toMatchObject({ offers: { availability: "https://schema.org/PreOrder", validFrom: "2026-10-01T09:00:00+02:00" } });
  });

  it("leaves out what is unknown instead of writing nulls", () => {
    const event = eventJsonLd({ ...input, venue: null, image: null, performers: [], organizer: { name: "W", url: null } });
    expect(event).not.toHaveProperty("location");
    expect(event).not.toHaveProperty("image");
    expect(event).not.toHaveProperty("performer");
    expect(JSON.stringify(event)).not.toContain("null");
  });
});
