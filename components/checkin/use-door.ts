"use client";
// The host screen's state: ticket list, offline queue, network, live counts. Every scan gets a random nonce
// and the device's time when it is made; online it is sent at once and the server decides, offline (or when
// sending fails) the phone decides from its list and queues the scan. The queue is sent, in order, when the
// network returns; the server's nonce check makes a resend harmless.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { looksLikeTicketCode, normaliseScannedCode } from "@/lib/checkin/code";
import { afterVerdict, decideLocally } from "@/lib/checkin/local-verdict";
import type { CheckInCounts, CheckInMethod, ScanInput, TicketEntry, Verdict } from "@/lib/checkin/schema";
import { getCounts, getTickets, postScans, postUndo } from "./door-api";
import { codeHash, deviceId, forgetTicketLists, loadQueue, loadTickets, saveQueue, saveTickets, type QueueItem } from "./door-storage";
import { sendQueue, type SyncReport } from "./send-queue";

const COUNTS_EVERY_MS = 1_000;
const RETRY_EVERY_MS = 5_000;
const TICKETS_EVERY_MS = 60_000;

export type ScanTarget = { code: string } | { registrationId: string };
export interface ScanResult {
  verdict: Verdict;
  offline: boolean;
}

export function useDoor(slug: string, hostName: string) {
  const [queue, setQueue] = useState<QueueItem[]>([]);
  const [listAsOf, setListAsOf] = useState<string | null>(null);
  const [counts, setCounts] = useState<CheckInCounts | null>(null);
  const [online, setOnline] = useState(true);
  const [signedOut, setSignedOut] = useState(false);
  const [lastSync, setLastSync] = useState<SyncReport | null>(null);
  const queueRef = useRef<QueueItem[]>([]);
  const tickets = useRef(new Map<string, TicketEntry>());
  const byHash = useRef(new Map<string, string>());
  const flushing = useRef(false);
  // A ref besides the state: callbacks read it without changing identity, so effects run once, not in a loop.
  const asOf = useRef<string | null>(null);
  const device = useRef("");

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

  const applyVerdict = useCallback((verdict: Verdict, at: Date) => {
    const id = "attendee" in verdict ? verdict.attendee.registrationId : null;
    const entry = id ? tickets.current.get(id) : undefined;
    if (entry) tickets.current.set(entry.registrationId, afterVerdict(entry, verdict, at, hostName));
  }, [hostName]);

  const refreshTickets = useCallback(async () => {
    const outcome = await getTickets(slug);
    if (!outcome.ok) {
      if (outcome.reason === "signedOut") endSession();
      return;
    }
    // Scans still in the queue are not in the server's list yet: keep what this phone knows about them.
    const pendingIds = new Set(queueRef.current.flatMap((item) => (item.kind === "scan" && item.scan.registrationId ? [item.scan.registrationId] : [])));
    const merged = outcome.body.tickets.map((t) => (pendingIds.has(t.registrationId) ? (tickets.current.get(t.registrationId) ?? t) : t));
    storeTickets(outcome.body.asOf, merged);
    saveTickets(slug, { asOf: outcome.body.asOf, tickets: merged });
  }, [slug, storeTickets, endSession]);

  const flush = useCallback(async () => {
    if (flushing.current || queueRef.current.length === 0) return;
    flushing.current = true;
    try {
      const report = await sendQueue(slug, queueRef.current, (sent) => updateQueue((items) => items.filter((i) => !sent.has(i))), applyVerdict);
      if (report.signedOut) endSession();
      if (report.network) setOnline(false);
      if (report.synced > 0) {
        setOnline(true);
        setLastSync(report);
        persistTickets();
      }
    } finally {
      flushing.current = false;
    }
  }, [slug, updateQueue, applyVerdict, persistTickets, endSession]);

  const scan = useCallback(
    async (target: ScanTarget, method: CheckInMethod): Promise<ScanResult> => {
      const nonce = crypto.randomUUID();
      const now = new Date();
      let registrationId: string | undefined;
      let item: ScanInput;
      if ("code" in target) {
        const code = normaliseScannedCode(target.code);
        // What cannot be a ticket is answered at once, online or not, and never queued.
        if (!looksLikeTicketCode(code)) return { verdict: { kind: "unknown", nonce }, offline: false };
        const hash = await codeHash(code);
        registrationId = hash ? byHash.current.get(hash) : undefined;
        item = { nonce, code, method, scannedAt: now.toISOString(), deviceId: device.current };
      } else {
        registrationId = target.registrationId;
        item = { nonce, registrationId, method, scannedAt: now.toISOString(), deviceId: device.current };
      }
      if (navigator.onLine && queueRef.current.length === 0) {
        const outcome = await postScans(slug, [item]);
        const verdict = outcome.ok ? outcome.body.verdicts[0] : undefined;
        if (verdict) {
          setOnline(true);
          applyVerdict(verdict, now);
          persistTickets();
          return { verdict, offline: false };
        }
        if (!outcome.ok && outcome.reason === "signedOut") endSession();
        if (!outcome.ok && outcome.reason === "network") setOnline(false);
      }
      const verdict = decideLocally(registrationId ? tickets.current.get(registrationId) : undefined, nonce);
      // Queued with the registration id the phone found, so the server need not know the code was typed.
      updateQueue((items) => [...items, { kind: "scan", scan: registrationId && "code" in target ? { ...item, code: undefined, registrationId } : item, localKind: verdict.kind }]);
      applyVerdict(verdict, now);
      persistTickets();
      if (navigator.onLine) void flush();
      return { verdict, offline: true };
    },
    [slug, applyVerdict, persistTickets, updateQueue, flush, endSession],
  );

  const undo = useCallback(
    async (verdict: Extract<Verdict, { kind: "welcome" }>) => {
      const entry = tickets.current.get(verdict.attendee.registrationId);
      if (entry) tickets.current.set(entry.registrationId, { ...entry, checkedInAt: null, checkedInBy: null });
      persistTickets();
      const item = { nonce: crypto.randomUUID(), checkInNonce: verdict.nonce, undoneAt: new Date().toISOString(), deviceId: device.current };
      if (navigator.onLine && queueRef.current.length === 0) {
        const outcome = await postUndo(slug, item);
        if (outcome.ok || outcome.reason === "rejected") return;
      }
      updateQueue((items) => [...items, { kind: "undo", undo: item }]);
    },
    [slug, persistTickets, updateQueue],
  );

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
      if (outcome.ok) setCounts(outcome.body);
      else if (outcome.reason === "signedOut") endSession();
    };
    void poll();
    const timer = window.setInterval(() => void poll(), COUNTS_EVERY_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [slug, endSession]);

  const entries = useMemo(() => () => tickets.current.values(), []);
  return { scan, undo, queue, counts, online, signedOut, lastSync, listAsOf, entries };
}
