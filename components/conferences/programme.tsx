import { getTranslations } from "next-intl/server";
import type { PublicConference } from "@/lib/conferences/queries";
import { formatTimeRange } from "@/lib/format";
import { placesTone } from "@/lib/places/few-places";
import { contentLang } from "@/lib/site/content-lang";

type Session = PublicConference["sessions"][number];
type Item = { kind: "session"; session: Session } | { kind: "round"; title: string; sessions: Session[] };

// Sessions in time order, with the parallel sessions of a workshop round gathered into one slot.
function timeline(conference: PublicConference): Item[] {
  const items: Item[] = [];
  const seenRounds = new Set<string>();
  for (const session of conference.sessions) {
    const roundId = session.workshopRoundId;
    if (!roundId) {
      items.push({ kind: "session", session });
      continue;
    }
    if (seenRounds.has(roundId)) continue;
    seenRounds.add(roundId);
    const round = conference.rounds.find((r) => r.id === roundId);
    items.push({
      kind: "round",
      title: round?.title ?? "",
      sessions: conference.sessions.filter((s) => s.workshopRoundId === roundId),
    });
  }
  return items;
}

// Places matter only while one can still sign up or wait; the warning colour only for the last few (lib/places).
function PlacesLeft({ left, capacity, full, text }: { left: number; capacity: number; full: string; text: string }) {
  const tone = placesTone(left, capacity);
  return (
    <p className={`mt-2 text-sm ${tone === "plenty" ? "text-muted" : "font-semibold text-accent-700"}`}>{tone === "full" ? full : text}</p>
  );
}

// A session on its own is a heading under the programme (h3); inside a workshop round, under the round's h3.
async function SessionBody({
  session,
  locale,
  level,
  showPlaces,
}: {
  session: Session;
  locale: "nl" | "en";
  level: "h3" | "h4";
  showPlaces: boolean;
}) {
  const t = await getTranslations("conference");
  // The part each speaker has, in the words the organiser chose it by in the programme editor: one list of names.
  const tParts = await getTranslations("conferenceEditor.programme.parts");
  const Heading = level;
  return (
    <>
      <p className="text-sm font-semibold uppercase tracking-wide text-petrol-700">{t(`kind.${session.kind}`)}</p>
      <Heading lang={contentLang(locale)} className="mt-1 text-lg font-semibold leading-snug">
        {session.title}
      </Heading>
      {session.speakers.length > 0 && (
        <p className="mt-1">
          {session.speakers
            .map((s) => (s.part === "SPEAKER" ? s.speaker.name : `${s.speaker.name} (${tParts(s.part).toLocaleLowerCase(locale)})`))
            .join(", ")}
        </p>
      )}
      {session.description && (
        <p lang={contentLang(locale)} className="mt-2 text-muted">
          {session.description}
        </p>
      )}
      {session.room && (
        <p className="mt-2 text-sm text-muted">
          {t("room")}: {session.room.name}
        </p>
      )}
      {showPlaces && session.places?.left != null && session.places.capacity != null && (
        <PlacesLeft left={session.places.left} capacity={session.places.capacity} full={t("full")} text={t("placesLeft", { count: session.places.left })} />
      )}
      <span className="sr-only">{formatTimeRange(session.startsAt, session.endsAt, locale)}</span>
    </>
  );
}

export async function Programme({ conference, locale }: { conference: PublicConference; locale: "nl" | "en" }) {
  const t = await getTranslations("conference");
  // Over, called off or closed: what happened, not how many places were left.
  const showPlaces = ["open", "full", "notYetOpen"].includes(conference.places.state);
  return (
    <ol className="relative mt-6 space-y-6 border-l-2 border-petrol-100 pl-6">
      {timeline(conference).map((item) => {
        const first = item.kind === "session" ? item.session : item.sessions[0];
        if (!first) return null;
        return (
          <li key={first.id} className="relative">
            <span aria-hidden className="absolute -left-[31px] top-1.5 h-3 w-3 rounded-full bg-petrol-700" />
            <p className="font-semibold text-petrol-800">
              <time dateTime={first.startsAt.toISOString()}>{formatTimeRange(first.startsAt, first.endsAt, locale)}</time>
            </p>
            {item.kind === "session" ? (
              <div className="mt-2 rounded-lg border border-line bg-white p-4">
                <SessionBody session={item.session} locale={locale} level="h3" showPlaces={showPlaces} />
              </div>
            ) : (
              <div className="mt-2">
                <h3 lang={item.title ? contentLang(locale) : undefined} className="text-lg font-semibold text-petrol-800">
                  {item.title || t("round")}
                </h3>
                <ul className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                  {item.sessions.map((s) => (
                    <li key={s.id} className="rounded-lg border border-line bg-white p-4">
                      <SessionBody session={s} locale={locale} level="h4" showPlaces={showPlaces} />
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
