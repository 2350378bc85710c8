import { getTranslations } from "next-intl/server";
import { LocalizedLink as Link } from "@/components/site/localized-link";
import type { PublicSpeaker } from "@/lib/speakers/queries";
import { formatDate, formatTimeRange } from "@/lib/format";
import { contentLang } from "@/lib/site/content-lang";
import type { Locale } from "@/i18n/routing";

type Session = PublicSpeaker["sessions"][number];

// Sessions arrive sorted by conference (newest first), then by time: consecutive ones share a conference.
function byConference(sessions: Session[]): Array<{ conference: Session["conference"]; sessions: Session[] }> {
  const groups: Array<{ conference: Session["conference"]; sessions: Session[] }> = [];
  for (const session of sessions) {
    const last = groups.at(-1);
    if (last && last.conference.slug === session.conference.slug) last.sessions.push(session);
    else groups.push({ conference: session.conference, sessions: [session] });
  }
  return groups;
}

// Where a speaker appears: per conference, its date and the sessions in the day's order.
export async function SpeakerSessions({ sessions, locale }: { sessions: Session[]; locale: Locale }) {
  if (sessions.length === 0) return null;
  const t = await getTranslations("speaker");
  const tc = await getTranslations("conference");
  const lang = contentLang(locale);
  const now = new Date();
  return (
    <section aria-labelledby="speaker-sessions" className="mt-12">
      <h2 id="speaker-sessions" className="text-2xl font-semibold text-petrol-800">
        {t("sessions")}
      </h2>
      <ul className="mt-4 space-y-6">
        {byConference(sessions).map(({ conference, sessions: conferenceSessions }) => {
          const cancelled = conference.status === "CANCELLED";
          const upcoming = conference.endsAt > now;
          return (
            <li key={conference.slug} className="rounded-xl border border-line bg-white p-5">
              <h3 className="text-lg font-semibold leading-snug">
                <Link href={`/conferenties/${conference.slug}`} lang={lang} className="text-petrol-800 underline">
                  {conference.title}
                </Link>
              </h3>
              <p className="mt-1 flex flex-wrap items-center gap-2 text-muted">
                <time dateTime={conference.startsAt.toISOString()}>{formatDate(conference.startsAt, locale)}</time>
                {upcoming && !cancelled && <span className="rounded bg-ok-50 px-2 py-0.5 text-sm font-semibold text-ok-700">{t("upcoming")}</span>}
                {cancelled && <span className="rounded bg-bad-50 px-2 py-0.5 text-sm font-semibold text-bad-700">{t("cancelled")}</span>}
              </p>
              <ul className="mt-3 space-y-3 border-l-2 border-petrol-100 pl-4">
                {conferenceSessions.map((session) => (
                  <li key={session.id}>
                    <p className="text-sm font-semibold text-petrol-700">
                      <time dateTime={session.startsAt.toISOString()}>{formatTimeRange(session.startsAt, session.endsAt, locale)}</time>
                      {" · "}
                      {tc(`kind.${session.kind}`)}
                      {session.room && (
                        <>
                          {" · "}
                          {tc("room")}: <span lang={lang}>{session.room.name}</span>
                        </>
                      )}
                    </p>
                    <p lang={lang} className="font-semibold">
                      {session.title}
                    </p>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
