// What a host's phone keeps between page loads: the ticket list (for offline verdicts), the queue of scans
// not yet sent, and the device's id. localStorage: synchronous, enough for ~10,000 tickets (about 2 MB),
// and it survives a reload or a crash in the middle of a rush, which memory would not.
import type { Bilingual } from "@/lib/api/json-body";
import type { ScanInput, TicketEntry, UndoInput, VerdictKind } from "@/lib/checkin/schema";

/** Why the server refused a scan or undo: it stays on the phone, shown in red, until the host retries or dismisses it. */
export interface Refusal {
  status: number;
  error: string | null;
  message: Bilingual | null;
  at: string;
}

export type QueueItem =
  // localKind: what the phone decided, to tell the host afterwards when the server saw it otherwise (null
  // when the phone decided nothing: the server refused the scan while online).
  | { kind: "scan"; scan: ScanInput; localKind: VerdictKind | null; refused?: Refusal }
  | { kind: "undo"; undo: UndoInput; refused?: Refusal };

/** The nonce that names a queued scan or undo. */
export const nonceOf = (item: QueueItem): string => (item.kind === "scan" ? item.scan.nonce : item.undo.nonce);

/** Items the queue still sends by itself; refused ones wait for the host. */
export const sendable = (queue: QueueItem[]): QueueItem[] => queue.filter((item) => !item.refused);

export interface StoredTickets {
  asOf: string;
  tickets: TicketEntry[];
}

const key = (slug: string, part: string) => `podium.checkin.${slug}.${part}`;

function read<T>(name: string): T | null {
  try {
    const text = window.localStorage.getItem(name);
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}

function write(name: string, value: unknown): void {
  try {
    window.localStorage.setItem(name, JSON.stringify(value));
  } catch {
    // Storage full or disabled (private mode): the page still works online, it just cannot remember.
  }
}

export const loadQueue = (slug: string): QueueItem[] => read<QueueItem[]>(key(slug, "queue")) ?? [];
export const saveQueue = (slug: string, queue: QueueItem[]): void => write(key(slug, "queue"), queue);
export const loadTickets = (slug: string): StoredTickets | null => read<StoredTickets>(key(slug, "tickets"));
export const saveTickets = (slug: string, stored: StoredTickets): void => write(key(slug, "tickets"), stored);

/** The place this phone checks in at (issue 15): a session's id for its room, null for the front door. */
export const loadPlace = (slug: string): string | null => read<string>(key(slug, "place"));
export const savePlace = (slug: string, sessionId: string | null): void => write(key(slug, "place"), sessionId);

/**
 * Signing out forgets every conference's ticket list on this browser: names, organisations and the needs hosts
 * see are personal data, and a shared phone must not keep them for whoever picks it up next. The queue of
 * scans not yet sent stays (a check-in must never be lost); it holds codes and ids, no names, and is sent
 * once a host signs in here again.
 */
export function forgetTicketLists(): void {
  try {
    const names = Array.from({ length: window.localStorage.length }, (_, i) => window.localStorage.key(i));
    for (const name of names) if (name?.startsWith("podium.checkin.") && name.endsWith(".tickets")) window.localStorage.removeItem(name);
  } catch {
    // Storage disabled: there is nothing to forget.
  }
}

/** One id per browser, so the organiser can tell which phone made a scan. */
export function deviceId(): string {
  const name = "podium.checkin.device";
  const existing = read<string>(name);
  if (existing) return existing;
  const fresh = crypto.randomUUID();
  write(name, fresh);
  return fresh;
}

/** SHA-256 hex of a normalised ticket code, as the ticket list holds it; null where the browser has no
 * SubtleCrypto (a plain-http origin other than localhost), which only disables offline code lookups. */
export async function codeHash(normalised: string): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(normalised));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
