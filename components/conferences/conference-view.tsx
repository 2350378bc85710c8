import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Markdown } from "@/components/markdown";
import { Photo } from "@/components/photo";
import { OrganiserContact } from "@/components/conferences/organiser-contact";
import { Programme } from "@/components/conferences/programme";
import { RegistrationPanel } from "@/components/conferences/registration-panel";
import { SpeakerCard } from "@/components/conferences/speaker-card";
import type { PublicConference } from "@/lib/conferences/queries";
import { formatDateTimeRange } from "@/lib/format";
import { contentLang } from "@/lib/site/content-lang";
import { isWebUrl } from "@/lib/site/link-targets";

// One conference as the public sees it: its page, and the organisers' preview of a draft (which puts its
// notice in `children`, above everything).

export function uniqueSpeakers(conference: PublicConference) {
  const seen = new Map<string, PublicConference["sessions"][number]["speakers"][number]["speaker"]>();
  for (const session of conference.sessions) for (const s of session.speakers) seen.set(s.speaker.id, s.speaker);
  return [...seen.values()];
}

function osmLink(venue: NonNullable<PublicConference["venue"]>): string {
  if (venue.latitude !== null && venue.longitude !== null) {
    return `https://www.openstreetmap.org/?mlat=${venue.latitude}&mlon=${venue.longitude}#map=17/${venue.latitude}/${venue.longitude}`;
  }
  const query = encodeURIComponent(`${venue.street}, ${venue.postalCode} ${venue.city}`);
  return `https://www.openstreetmap.org/search?query=${query}`;
}

export async function ConferenceView({
  conference,
  locale,
  preview = false,
  children,
}: {
  conference: PublicConference;
  locale: "nl" | "en";
  preview?: boolean;
  children?: ReactNode;
}) {
  const t = await getTranslations("conference");
  const speakers = uniqueSpeakers(conference);
  const venue = conference.venue;
  const lang = contentLang(locale);

  return (
    <main>
      {children}
      <header className="bg-petrol-800 text-white">
        <div className="mx-auto grid max-w-6xl gap-8 px-4 py-8 sm:px-6 md:grid-cols-[1fr_20rem] md:py-12">
          <div>
            <h1 lang={lang} className="text-3xl font-semibold leading-tight tracking-tight sm:text-5xl">
              {conference.title}
            </h1>
            {conference.subtitle && (
              <p lang={lang} className="mt-3 text-xl text-petrol-100">
                {conference.subtitle}
              </p>
            )}
            <dl className="mt-6 space-y-2 text-lg">
              <div>
                <dt className="sr-only">{t("when")}</dt>
                <dd>
                  <time dateTime={conference.startsAt.toISOString()}>
                    {formatDateTimeRange(conference.startsAt, conference.endsAt, locale)}
                  </time>
                </dd>
              </div>
              {venue && (
                <div>
                  <dt className="sr-only">{t("where")}</dt>
                  <dd>
                    {venue.name}, {venue.city}
                  </dd>
                </div>
              )}
            </dl>
          </div>
          <div className="text-ink">
            <RegistrationPanel conference={conference} locale={locale} preview={preview} />
          </div>
        </div>
      </header>

      <div className="mx-auto max-w-6xl px-4 sm:px-6">
        {conference.coverPhoto && (
          <Photo
            photo={conference.coverPhoto}
            sizes="(min-width: 1152px) 1152px, 100vw"
            className="mt-8 aspect-[16/6] h-auto w-full rounded-xl object-cover"
            priority
          />
        )}

        {conference.description && (
          <section aria-labelledby="about" className="mt-10 max-w-3xl">
            <h2 id="about" className="text-2xl font-semibold text-petrol-800">
              {t("about")}
            </h2>
            <div lang={lang}>
              <Markdown className="prose-podium mt-3">{conference.description}</Markdown>
            </div>
          </section>
        )}

        <section aria-labelledby="programme" className="mt-12">
          <h2 id="programme" className="text-2xl font-semibold text-petrol-800">
            {t("programme")}
          </h2>
          <Programme conference={conference} locale={locale} />
        </section>

        {speakers.length > 0 && (
          <section aria-labelledby="speakers" className="mt-12">
            <h2 id="speakers" className="text-2xl font-semibold text-petrol-800">
              {t("speakers")}
            </h2>
            <div className="mt-4 grid gap-4 md:grid-cols-2">
              {speakers.map((speaker) => (
                <SpeakerCard key={speaker.id} speaker={speaker} lang={lang} />
              ))}
            </div>
          </section>
        )}

        {venue && (
          <section aria-labelledby="venue" className="mt-12">
            <h2 id="venue" className="text-2xl font-semibold text-petrol-800">
              {t("venue")}
            </h2>
            <address className="mt-3 not-italic">
              <strong>{venue.name}</strong>
              <br />
              {venue.street}
              <br />
              {venue.postalCode} {venue.city}
            </address>
            {venue.accessibilityNotes && (
              <>
                <h3 className="mt-4 font-semibold">{t("accessibility")}</h3>
                <p lang={lang} className="mt-1 max-w-prose whitespace-pre-line">
                  {venue.accessibilityNotes}
                </p>
              </>
            )}
            <p className="mt-4 flex flex-wrap gap-4">
              <a href={osmLink(venue)} rel="noopener noreferrer" className="font-semibold text-petrol-700 underline">
                {t("route")}
              </a>
              {/* Saved before the editor held websites to lib/site/link-targets.ts: checked again here. */}
              {venue.website && isWebUrl(venue.website) && (
                <a href={venue.website} rel="noopener noreferrer" className="font-semibold text-petrol-700 underline">
                  {t("website")}
                </a>
              )}
            </p>
          </section>
        )}

        <section aria-labelledby="organiser" className="mt-12 mb-4">
          <h2 id="organiser" className="text-2xl font-semibold text-petrol-800">
            {t("organiser")}
          </h2>
          <OrganiserContact organisation={conference.organisation} className="mt-3 max-w-prose" />
        </section>
      </div>
    </main>
  );
}
