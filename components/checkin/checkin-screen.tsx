"use client";
// The host's screen at the door: counts and network state on top, then where the host checks in (the front
// door or a session's room, issue 15), camera, code, search and walk-in (at the front door only).
// Made for one hand on a phone: every target at least 48 px, the verdict over everything until "Volgende".
import { useCallback, useRef, useState, useSyncExternalStore } from "react";
import { useLocale, useTranslations } from "next-intl";
import { formatTime } from "@/lib/format";
import type { CheckInMethod, DoorSession, Verdict } from "@/lib/checkin/schema";
import { localizedPath } from "@/lib/site/paths";
import { CameraScanner } from "./camera-scanner";
import { CodeForm } from "./code-form";
import { CountsBar } from "./counts-bar";
import { deviceId, loadPlace, nonceOf, savePlace } from "./door-storage";
import { PlacePicker } from "./place-picker";
import { refusalText } from "./refusal-text";
import { RefusedList } from "./refused-list";
import { RefusedView } from "./refused-view";
import { SearchPanel } from "./search-panel";
import { useDoor, type RetryResult, type ScanResult, type ScanTarget } from "./use-door";
import { VerdictView } from "./verdict-view";
import { WalkInForm } from "./walk-in-form";

type Notice = { text: string; tone: "info" | "bad" };

const noSubscription = () => () => {};

export function CheckInScreen({ slug, title, hostName, sessions }: { slug: string; title: string; hostName: string; sessions: DoorSession[] }) {
  const t = useTranslations("checkin");
  const tRoom = useTranslations("attendance.door");
  const locale = useLocale() === "en" ? "en" : "nl";
  // The place this phone was set to last time (a phone at a workshop room stays there after a reload), until
  // the host picks another; the server renders the front door.
  const stored = useSyncExternalStore(noSubscription, () => loadPlace(slug), () => null);
  const [chosen, setChosen] = useState<string | null | undefined>(undefined);
  const roomId = chosen === undefined ? stored : chosen;
  const room = sessions.find((s) => s.sessionId === roomId) ?? null;
  const door = useDoor(slug, hostName, room, sessions);
  const choosePlace = useCallback(
    (sessionId: string | null) => {
      setChosen(sessionId);
      savePlace(slug, sessionId);
    },
    [slug],
  );
  const [shown, setShown] = useState<ScanResult | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [retrying, setRetrying] = useState(false);
  const [walkIn, setWalkIn] = useState(false);
  const [searchReset, setSearchReset] = useState(0);
  const busy = useRef(false);

  const check = useCallback(
    async (target: ScanTarget, method: CheckInMethod, admitAnyway = false) => {
      // One scan at a time: a camera seeing the same code in two frames must not check in twice.
      if (busy.current) return;
      busy.current = true;
      try {
        setNotice(null);
        setShown(await door.scan(target, method, admitAnyway));
      } finally {
        busy.current = false;
      }
    },
    [door],
  );

  const next = useCallback(() => {
    setShown(null);
    setSearchReset((n) => n + 1);
    document.getElementById("checkin-code")?.focus();
  }, []);

  const reasonOf = useCallback(
    (refusal: Parameters<typeof refusalText>[0]) => refusalText(refusal, locale, (status) => t("refused.noReason", { status })),
    [locale, t],
  );

  /** After a retry: the server's verdict, still waiting for the network, or refused again (with its reason). */
  const showRetry = useCallback(
    (nonce: string, result: RetryResult) => {
      if (result.kind === "refused") return setShown({ refused: result.refusal, nonce });
      setShown(result.kind === "recorded" && result.verdict ? { verdict: result.verdict, offline: false } : null);
      if (result.kind === "waiting") setNotice({ text: t("refused.waiting"), tone: "info" });
      if (result.kind === "recorded" && !result.verdict) setNotice({ text: t("refused.recorded"), tone: "info" });
    },
    [t],
  );

  const retry = useCallback(
    async (nonce: string) => {
      setRetrying(true);
      try {
        showRetry(nonce, await door.retry(nonce));
      } finally {
        setRetrying(false);
      }
    },
    [door, showRetry],
  );

  const undoCheckIn = useCallback(
    async (verdict: Extract<Verdict, { kind: "welcome" }>) => {
      next();
      const result = await door.undo(verdict, room?.sessionId ?? null);
      const name = verdict.attendee.name;
      if (result.kind === "undone") setNotice({ text: t("verdict.undone", { name }), tone: "info" });
      else if (result.kind === "queued") setNotice({ text: t("verdict.undoQueued", { name }), tone: "info" });
      else setNotice({ text: t("verdict.undoRefused", { name, reason: reasonOf(result.refusal) }), tone: "bad" });
    },
    [door, next, reasonOf, t, room],
  );

  const undo = shown && "verdict" in shown && shown.verdict.kind === "welcome" ? shown.verdict : null;
  // A badge for whoever was let in, printed from the door (a walk-in's above all); not while offline, as the badge
  // page is made by the server.
  const admitted = shown && "verdict" in shown && (shown.verdict.kind === "welcome" || shown.verdict.kind === "already") ? shown.verdict.attendee : null;
  const badgeHref = admitted && door.online ? localizedPath(locale, `/checkin/${slug}/badge/${admitted.registrationId}`) : null;
  const pending = door.queue.filter((item) => item.kind === "scan").length;
  const refusedItem = shown && "refused" in shown ? door.refused.find((item) => nonceOf(item) === shown.nonce) : undefined;

  return (
    <div id="checkin-screen" className="mx-auto max-w-xl space-y-6 px-4 py-4">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold text-petrol-800">{t("title", { conference: title })}</h1>
        <p className="text-sm text-muted">{t("signedInAs", { name: hostName })}</p>
      </header>
      <CountsBar counts={door.counts} online={door.online} pending={pending} room={room} />
      <PlacePicker sessions={sessions} value={roomId} onChange={choosePlace} />
      <p data-testid="checkin-place" className={`rounded-md border-2 p-3 text-lg font-semibold ${room ? "border-petrol-800 bg-petrol-50 text-petrol-800" : "border-line"}`}>
        <span aria-hidden>{room ? "▣ " : "⌂ "}</span>
        {room ? tRoom("roomBanner", { title: room.title }) : tRoom("doorBanner")}
        {room?.room && <span className="block font-normal">{tRoom("roomIn", { room: room.room })}</span>}
      </p>
      {door.signedOut && <p role="alert" className="rounded-md bg-bad-50 p-3 font-semibold text-bad-700">{t("network.signedOut")}</p>}
      {door.lastSync && door.lastSync.conflicts > 0 && <p className="rounded-md bg-warn-50 p-3 text-warn-800">{t("network.conflicts", { count: door.lastSync.conflicts })}</p>}
      {notice?.tone === "info" && <p role="status" className="rounded-md bg-petrol-50 p-3 font-semibold">{notice.text}</p>}
      {notice?.tone === "bad" && <p role="alert" className="rounded-md bg-bad-50 p-3 font-semibold text-bad-700">{notice.text}</p>}
      <RefusedList
        items={door.refused}
        nameOf={door.nameOf}
        onRetry={async (nonce) => {
          setNotice(null);
          showRetry(nonce, await door.retry(nonce));
        }}
        onDismiss={door.dismiss}
      />

      <main className="space-y-6">
        <CameraScanner paused={shown !== null || walkIn} onCode={(code) => void check({ code }, "QR")} />
        <CodeForm onCode={(code) => void check({ code }, "MANUAL")} />
        <SearchPanel key={searchReset} slug={slug} online={door.online} entries={door.entries} room={room?.sessionId ?? null} onPick={(registrationId) => void check({ registrationId }, "SEARCH")} />
        {/* A walk-in is registered at the front door: a room only checks in people who already have a place. */}
        {room ? (
          <p className="text-muted">{tRoom("noWalkIns")}</p>
        ) : walkIn ? (
          <WalkInForm
            slug={slug}
            deviceId={deviceId}
            online={door.online}
            onCancel={() => setWalkIn(false)}
            onDone={(verdict) => {
              setWalkIn(false);
              setShown({ verdict, offline: false });
            }}
          />
        ) : (
          <button type="button" onClick={() => setWalkIn(true)} className="min-h-14 w-full rounded-md border-2 border-petrol-800 px-4 text-lg font-semibold text-petrol-800">
            <span aria-hidden>+ </span>
            {t("walkIn.open")}
          </button>
        )}
        <p className="text-sm text-muted">{door.listAsOf ? t("network.listAge", { time: formatTime(new Date(door.listAsOf), locale) }) : t("network.noList")}</p>
      </main>

      {shown && "verdict" in shown && (
        <VerdictView
          verdict={shown.verdict}
          offline={shown.offline}
          onNext={next}
          onWedgeCode={(code) => void check({ code }, "QR")}
          onUndo={undo ? () => void undoCheckIn(undo) : null}
          onPick={(registrationId) => {
            setShown(null);
            void check({ registrationId }, "MANUAL");
          }}
          onAdmit={(registrationId) => {
            setShown(null);
            void check({ registrationId }, "MANUAL", true);
          }}
          badgeHref={badgeHref}
        />
      )}
      {shown && "refused" in shown && (
        <RefusedView
          refusal={shown.refused}
          name={refusedItem ? door.nameOf(refusedItem) : null}
          busy={retrying}
          onNext={next}
          onRetry={() => void retry(shown.nonce)}
          onDismiss={() => {
            door.dismiss(shown.nonce);
            next();
          }}
        />
      )}
    </div>
  );
}
