import { getTranslations } from "next-intl/server";
import { DeleteForm } from "@/components/editor/delete-form";
import { formatTimeRange } from "@/lib/format";
import { deleteSessionAction } from "@/lib/programme/actions";
import type { EditorSession } from "@/lib/programme/queries";
import { SessionForm } from "./session-form";
import type { PickerSpeaker } from "./speaker-picker";

type Option = { value: string; label: string };

// One session in the editor's timeline: what visitors will see, then the form to change it, folded away.
export async function SessionCard({
  session,
  values,
  locale,
  rooms,
  rounds,
  speakers,
}: {
  session: EditorSession;
  values: Record<string, string>;
  locale: "nl" | "en";
  rooms: Option[];
  rounds: Option[];
  speakers: PickerSpeaker[];
}) {
  const t = await getTranslations("conferenceEditor.programme");
  const places =
    session.workshopRoundId === null
      ? null
      : session.capacity === null
        ? t("takenNoLimit", { taken: session.taken })
        : t("taken", { taken: session.taken, capacity: session.capacity });
  return (
    <article aria-labelledby={`sessie-${session.id}`} className="rounded-lg border border-line bg-white p-4">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <p className="font-semibold tabular-nums text-petrol-800">{formatTimeRange(session.startsAt, session.endsAt, locale)}</p>
        <span className="rounded-full border border-petrol-200 bg-petrol-50 px-2 text-sm text-petrol-800">{t(`kinds.${session.kind}`)}</span>
        {session.round && <span className="text-sm text-muted">{t("inRound", { round: session.round.title })}</span>}
      </div>
      <h3 id={`sessie-${session.id}`} className="mt-1 text-lg font-semibold text-ink">
        {session.title}
      </h3>
      <p className="text-sm text-muted">
        {[session.room?.name, places].filter(Boolean).join(" · ")}
      </p>
      {session.speakers.length > 0 && (
        <p className="mt-1 text-sm">
          {session.speakers.map((s) => `${s.speaker.name} (${t(`parts.${s.part}`)})`).join(", ")}
        </p>
      )}
      <div className="mt-3 flex flex-wrap items-start gap-3">
        <details className="w-full">
          <summary className="inline-flex min-h-10 cursor-pointer items-center font-semibold text-petrol-700 underline" aria-label={t("editSession", { title: session.title })}>
            {t("edit")}
          </summary>
          <div className="mt-3 border-t border-line pt-3">
            <SessionForm mode="edit" sessionId={session.id} locale={locale} values={values} rooms={rooms} rounds={rounds} speakers={speakers} />
            <div className="mt-4">
              <DeleteForm
                action={deleteSessionAction}
                fields={{ sessionId: session.id }}
                label={t("deleteSession", { title: session.title })}
                text={session.workshopRoundId ? t("deleteSessionText") : undefined}
                locale={locale}
              />
            </div>
          </div>
        </details>
      </div>
    </article>
  );
}
