"use client";
// The host screen's state: ticket list, offline queue, network, live counts. Every scan gets a random nonce
// and the device's time when it is made; online it is sent at once and the server decides, offline (or when
// the server cannot be reached) the phone decides from its list and queues the scan. The queue is sent, in
// order, when the network returns; the server's nonce check makes a resend harmless. A scan or undo that the
// server refuses is never shown as done: it stays on the phone, in red with the server's reason, until the host
// retries or dismisses it.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { looksLikeCode, looksLikeDoorCode, normaliseScannedCode } from "@/lib/checkin/code";
import { afterUndo, afterVerdict, decideLocally } from "@/lib/checkin/local-verdict";
import type { Candidate, CheckInCounts, CheckInMethod, DoorSession, ScanInput, TicketEntry, Verdict } from "@/lib/checkin/schema";
import { getCounts, getTickets, postScans, postUndo } from "./door-api";
import {
  codeHash,
  deviceId,
  forgetTicketLists,
  loadQueue,
  loadTickets,
  nonceOf,
  saveQueue,
  saveTickets,
  sendable,
  type QueueItem,
  type Refusal,
} from "./door-storage";
import { refusalOf, sendQueue, type SyncReport } from "./send-queue";

const COUNTS_EVERY_MS = 1_000;
const RETRY_EVERY_MS = 5_000;
const TICKETS_EVERY_MS = 60_000;

export type ScanTarget = { code: string } | { registrationId: string };
/** What a scan came to: the server's verdict (or the phone's, offline), or the server's refusal. */
export type ScanResult = { verdict: Verdict; offline: boolean } | { refused: Refusal; nonce: string };
export type UndoResult = { kind: "undone" } | { kind: "queued" } | { kind: "refused"; refusal: Refusal };
/** A retried item: recorded (with the server's verdict for a scan), still waiting, or refused again. */
export type RetryResult = { kind: "recorded"; verdict: Verdict | null } | { kind: "waiting" } | { kind: "refused"; refusal: Refusal };

function candidateOf(entry: TicketEntry): Candidate {
  return { registrationId: entry.registrationId, name: entry.name, organisation: entry.organisation, status: entry.status };
}

/**
 * room: the session whose room the host works (issue 15), or null at the front door. A scan is made for the
 * place chosen when it is made; sessions name a person's own workshop in an offline amber verdict.
 */
export function useDoor(slug: string, hostName: string, room: DoorSession | null, sessions: readonly DoorSession[]) {
  const [queue, setQueue] = useState<QueueItem[]>([]);
  const [listAsOf, setListAsOf] = useState<string | null>(null);
  const [counts, setCounts] = useState<CheckInCounts | null>(null);
  const [online, setOnline] = useState(true);
  const [signedOut, setSignedOut] = useState(false);
  const [lastSync, setLastSync] = useState<SyncReport | null>(null);
  const queueRef = useRef<QueueItem[]>([]);
  const tickets = useRef(new Map<string, TicketEntry>());
  const byHash = useRef(new Map<string, string>());
  // The send in progress, so that a scan can wait for it: while online, a verdict comes from the server.
  const flushing = useRef<Promise<void> | null>(null);
  // The server's latest verdicts by nonce, for a retried scan's answer.
  const verdicts = useRef(new Map<string, Verdict>());
  // A ref besides the state: callbacks read it without changing identity, so effects run once, not in a loop.
  const asOf = useRef<string | null>(null);
  const device = useRef("");
  const roomRef = useRef(room);
  useEffect(() => {
    roomRef.current = room;
  }, [room]);
  const sessionsById = useMemo(() => new Map(sessions.map((s) => [s.sessionId, s])), [sessions]);

  const updateQueue = useCallback(
    (change: (items: QueueItem[]) => QueueItem[]) => {
      queueRef.current = change(queueRef.current);
      saveQueue(slug, queueRef.current);
      setQueue(queueRef.current);
    },
    [slug],
  );

  const storeTickets = useCallback(
    (stamp: string, list: TicketEntry[]) => {
      tickets.current = new Map(list.map((t) => [t.registrationId, t]));
      byHash.current = new Map(list.map((t) => [t.codeHash, t.registrationId]));
      asOf.current = stamp;
      setListAsOf(stamp);
    },
    [],
  );

  // The session ended (signed out here or elsewhere, or expired): the list leaves this browser with it.
  const endSession = useCallback(() => {
    forgetTicketLists();
    tickets.current = new Map();
    byHash.current = new Map();
    asOf.current = null;
    setListAsOf(null);
    setSignedOut(true);
  }, []);

  const persistTickets = useCallback(() => {
    if (asOf.current) saveTickets(slug, { asOf: asOf.current, tickets: [...tickets.current.values()] });
  }, [slug]);

  const applyVerdict = useCallback((verdict: Verdict, at: Date, sessionId: string | null) => {
    const id = "attendee" in verdict ? verdict.attendee.registrationId : null;
    const entry = id ? tickets.current.get(id) : undefined;
    if (entry) tickets.current.set(entry.registrationId, afterVerdict(entry, verdict, at, hostName, sessionId));
  }, [hostName]);

  const refuse = useCallback(
    (item: QueueItem, refusal: Refusal) => {
      updateQueue((items) => items.map((i) => (nonceOf(i) === nonceOf(item) ? { ...i, refused: refusal } : i)));
      // An offline "welcome" that the server then refused: this phone must not go on thinking the person is in.
      const entry = item.kind === "scan" && item.scan.registrationId ? tickets.current.get(item.scan.registrationId) : undefined;
      if (entry && item.kind === "scan") {
        const sessionId = item.scan.sessionId ?? null;
        const at = sessionId ? entry.rooms?.[sessionId]?.at : entry.checkedInAt;
        if (at === item.scan.scannedAt) tickets.current.set(entry.registrationId, afterUndo(entry, sessionId));
      }
    },
    [updateQueue],
  );

  const refreshTickets = useCallback(async () => {
    const outcome = await getTickets(slug);
    if (!outcome.ok) {
      if (outcome.reason === "signedOut") endSession();
      return;
    }
    // Scans still in the queue are not in the server's list yet: keep what this phone knows about them.
    const pendingIds = new Set(sendable(queueRef.current).flatMap((item) => (item.kind === "scan" && item.scan.registrationId ? [item.scan.registrationId] : [])));
    const merged = outcome.body.tickets.map((t) => (pendingIds.has(t.registrationId) ? (tickets.current.get(t.registrationId) ?? t) : t));
    storeTickets(outcome.body.asOf, merged);
    saveTickets(slug, { asOf: outcome.body.asOf, tickets: merged });
  }, [slug, storeTickets, endSession]);

  /**
   * An answer came back: online, unless the phone lost its network while the request was under way (the
   * browser's "offline" event can come before a late answer, which must not turn the banner back to "Online").
   */
  const answeredOnline = useCallback(() => setOnline(navigator.onLine), []);

  const flush = useCallback((): Promise<void> => {
    if (flushing.current) return flushing.current;
    if (sendable(queueRef.current).length === 0) return Promise.resolve();
    const run = (async () => {
      const report = await sendQueue(slug, queueRef.current, {
        acknowledge: (sent) => {
          const nonces = new Set([...sent].map(nonceOf));
          updateQueue((items) => items.filter((i) => !nonces.has(nonceOf(i))));
        },
        refuse,
        applyVerdict: (verdict, at, sessionId) => {
          verdicts.current.set(verdict.nonce, verdict);
          applyVerdict(verdict, at, sessionId);
        },
      });
      if (report.signedOut) endSession();
      if (report.network) setOnline(false);
      if (report.synced > 0 || report.refused > 0) {
        answeredOnline();
        setLastSync(report);
        persistTickets();
      }
    })();
    flushing.current = run.finally(() => {
      flushing.current = null;
    });
    return flushing.current;
  }, [slug, updateQueue, refuse, applyVerdict, persistTickets, endSession, answeredOnline]);

  /** Online with nothing older waiting to be sent: the server can decide this one now. */
  const canAskServer = useCallback(async () => {
    if (!navigator.onLine) return false;
    await flush();
    return sendable(queueRef.current).length === 0;
  }, [flush]);

  const scan = useCallback(
    async (target: ScanTarget, method: CheckInMethod, admitAnyway = false): Promise<ScanResult> => {
      const nonce = crypto.randomUUID();
      const now = new Date();
      const here = roomRef.current;
      const sessionId = here?.sessionId ?? null;
      // Room mode (issue 15): the scan names its room, and an admit-anyway says so.
      const place = here ? { sessionId: here.sessionId, ...(admitAnyway ? { admitAnyway: true } : {}) } : {};
      let registrationId: string | undefined;
      // A door code that fits several people on this phone's list: offline, the host picks one by name.
      let candidates: Candidate[] | null = null;
      let item: ScanInput;
      if ("code" in target) {
        const code = normaliseScannedCode(target.code);
        // What cannot be a ticket code or a door code is answered at once, online or not, and never queued.
        if (!looksLikeCode(code)) return { verdict: { kind: "unknown", nonce }, offline: false };
        if (looksLikeDoorCode(code)) {
          const fits = [...tickets.current.values()].filter((entry) => entry.doorCode === code);
          if (fits.length > 1) candidates = fits.map(candidateOf).sort((a, b) => a.name.localeCompare(b.name));
          registrationId = fits.length === 1 ? fits[0]?.registrationId : undefined;
        } else {
          const hash = await codeHash(code);
          registrationId = hash ? byHash.current.get(hash) : undefined;
        }
        item = { nonce, code, method, scannedAt: now.toISOString(), deviceId: device.current, ...place };
      } else {
        registrationId = target.registrationId;
        item = { nonce, registrationId, method, scannedAt: now.toISOString(), deviceId: device.current, ...place };
      }
      if (await canAskServer()) {
        const outcome = await postScans(slug, [item]);
        const verdict = outcome.ok ? outcome.body.verdicts[0] : undefined;
        if (verdict) {
          answeredOnline();
          applyVerdict(verdict, now, sessionId);
          persistTickets();
          return { verdict, offline: false };
        }
        if (!outcome.ok && outcome.reason === "rejected") {
          const refused = refusalOf(outcome);
          answeredOnline();
          updateQueue((items) => [...items, { kind: "scan", scan: item, localKind: null, refused }]);
          return { refused, nonce };
        }
        if (!outcome.ok && outcome.reason === "signedOut") endSession();
        // No answer the phone can use (no network, or the server failing): it decides, and says so.
        if (!outcome.ok && (outcome.reason === "network" || outcome.reason === "server")) setOnline(false);
      }
      // Nothing is recorded until the host has picked the person: there is nothing to queue yet.
      if (candidates) return { verdict: { kind: "choose", nonce, candidates }, offline: true };
      const entry = registrationId ? tickets.current.get(registrationId) : undefined;
      const verdict = decideLocally(entry, nonce, here ? { session: here, sessions: sessionsById, admitAnyway } : null);
      // Amber at a room records nothing, on the server too: there is nothing to queue until the host admits them.
      if (verdict.kind === "wrongRoom") return { verdict, offline: true };
      // Queued with the registration id the phone found, so the server need not know the code was typed.
      updateQueue((items) => [...items, { kind: "scan", scan: registrationId && "code" in target ? { ...item, code: undefined, registrationId } : item, localKind: verdict.kind }]);
      applyVerdict(verdict, now, sessionId);
      persistTickets();
      if (navigator.onLine) void flush();
      return { verdict, offline: true };
    },
    [slug, applyVerdict, persistTickets, updateQueue, flush, canAskServer, endSession, answeredOnline, sessionsById],
  );

  const undo = useCallback(
    // sessionId: the place the check-in was made (a room's, issue 15; null at the front door).
    async (verdict: Extract<Verdict, { kind: "welcome" }>, sessionId: string | null): Promise<UndoResult> => {
      const forget = () => {
        const entry = tickets.current.get(verdict.attendee.registrationId);
        if (entry) tickets.current.set(entry.registrationId, afterUndo(entry, sessionId));
        persistTickets();
      };
      const item = { nonce: crypto.randomUUID(), checkInNonce: verdict.nonce, undoneAt: new Date().toISOString(), deviceId: device.current };
      if (await canAskServer()) {
        const outcome = await postUndo(slug, item);
        if (outcome.ok) {
          forget();
          return { kind: "undone" };
        }
        if (outcome.reason === "rejected") {
          const refused = refusalOf(outcome);
          updateQueue((items) => [...items, { kind: "undo", undo: item, refused }]);
          return { kind: "refused", refusal: refused };
        }
        if (outcome.reason === "signedOut") endSession();
        else setOnline(false);
      }
      forget();
      updateQueue((items) => [...items, { kind: "undo", undo: item }]);
      return { kind: "queued" };
    },
    [slug, persistTickets, updateQueue, canAskServer, endSession],
  );

  /** Sends a refused item again, with everything else that waits; says what became of it. */
  const retry = useCallback(
    async (nonce: string): Promise<RetryResult> => {
      updateQueue((items) => items.map((i) => (nonceOf(i) === nonce ? { ...i, refused: undefined } : i)));
      // A send already under way began without this item: then it goes with the next one.
      await flush();
      if (sendable(queueRef.current).some((i) => nonceOf(i) === nonce)) await flush();
      const still = queueRef.current.find((i) => nonceOf(i) === nonce);
      if (still?.refused) return { kind: "refused", refusal: still.refused };
      if (still) return { kind: "waiting" };
      return { kind: "recorded", verdict: verdicts.current.get(nonce) ?? null };
    },
    [updateQueue, flush],
  );

  /** The host decided this refused scan or undo is not to be recorded. */
  const dismiss = useCallback((nonce: string) => updateQueue((items) => items.filter((i) => nonceOf(i) !== nonce)), [updateQueue]);

  /** The name of the person a queued scan is about, when this phone's list knows it. */
  const nameOf = useCallback((item: QueueItem): string | null => {
    const id = item.kind === "scan" ? item.scan.registrationId : null;
    return (id && tickets.current.get(id)?.name) || null;
  }, []);

  // Start: what this phone remembers, then the server's list.
  useEffect(() => {
    device.current = deviceId();
    queueRef.current = loadQueue(slug);
    setQueue(queueRef.current);
    const stored = loadTickets(slug);
    if (stored) storeTickets(stored.asOf, stored.tickets);
    setOnline(navigator.onLine);
    void refreshTickets().then(() => flush());
  }, [slug, storeTickets, refreshTickets, flush]);

  useEffect(() => {
    const wentOnline = () => {
      setOnline(true);
      void flush();
    };
    const wentOffline = () => setOnline(false);
    window.addEventListener("online", wentOnline);
    window.addEventListener("offline", wentOffline);
    const retry = window.setInterval(() => void flush(), RETRY_EVERY_MS);
    const list = window.setInterval(() => navigator.onLine && void refreshTickets(), TICKETS_EVERY_MS);
    return () => {
      window.removeEventListener("online", wentOnline);
      window.removeEventListener("offline", wentOffline);
      window.clearInterval(retry);
      window.clearInterval(list);
    };
  }, [flush, refreshTickets]);

  // Live counts: a small poll every second while the screen is visible. Instance-safe: state is in PostgreSQL.
  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      if (document.visibilityState !== "visible" || !navigator.onLine) return;
      const outcome = await getCounts(slug);
      if (stopped) return;
      if (outcome.ok) {
        setCounts(outcome.body);
        answeredOnline();
      } else if (outcome.reason === "signedOut") endSession();
    };
    void poll();
    const timer = window.setInterval(() => void poll(), COUNTS_EVERY_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [slug, endSession, answeredOnline]);

  const entries = useMemo(() => () => tickets.current.values(), []);
  const refused = useMemo(() => queue.filter((item) => item.refused), [queue]);
  return { scan, undo, retry, dismiss, nameOf, queue, refused, counts, online, signedOut, lastSync, listAsOf, entries };
}
