// The host screen's calls to /api/checkin/<slug>/..., each answered as a small outcome: the caller decides
// locally on "network" or "server" (no answer it can use), asks for a new sign-in on "signedOut", and shows
// what the server "rejected", with the server's reason, until the host deals with it.
import type { Bilingual } from "@/lib/api/json-body";
import type { CheckInCounts, ScanInput, TicketEntry, UndoInput, Verdict, WalkInRound } from "@/lib/checkin/schema";
import type { SearchResult } from "@/lib/checkin/search-result";

export type ApiOutcome<T> =
  | { ok: true; body: T }
  | { ok: false; reason: "network" | "signedOut" | "server" }
  // sessionIds: the workshops that were full, when a walk-in was refused for that.
  | { ok: false; reason: "rejected"; status: number; error: string | null; message: Bilingual | null; sessionIds?: string[] };

function isBilingual(value: unknown): value is Bilingual {
  return typeof value === "object" && value !== null && typeof (value as Bilingual).nl === "string" && typeof (value as Bilingual).en === "string";
}

async function call<T>(url: string, init: RequestInit = {}): Promise<ApiOutcome<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      cache: "no-store",
      headers: init.body ? { "Content-Type": "application/json" } : undefined,
      signal: init.signal ?? AbortSignal.timeout(8_000),
    });
  } catch {
    return { ok: false, reason: "network" };
  }
  if (response.status === 401) return { ok: false, reason: "signedOut" };
  if (response.status >= 500) return { ok: false, reason: "server" };
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: unknown; message?: unknown; sessionIds?: unknown } | null;
    const sessionIds = Array.isArray(body?.sessionIds) ? body.sessionIds.filter((id): id is string => typeof id === "string") : undefined;
    return {
      ok: false,
      reason: "rejected",
      status: response.status,
      error: typeof body?.error === "string" ? body.error : null,
      message: isBilingual(body?.message) ? body.message : null,
      ...(sessionIds ? { sessionIds } : {}),
    };
  }
  return { ok: true, body: (await response.json()) as T };
}

const base = (slug: string) => `/api/checkin/${encodeURIComponent(slug)}`;
const post = (body: unknown): RequestInit => ({ method: "POST", body: JSON.stringify(body) });

export const postScans = (slug: string, scans: ScanInput[]) => call<{ verdicts: Verdict[] }>(`${base(slug)}/scans`, post({ scans }));
export const postUndo = (slug: string, undo: UndoInput) => call<{ status: string }>(`${base(slug)}/undo`, post(undo));
export const postWalkIn = (slug: string, walkIn: unknown) => call<{ verdict: Verdict }>(`${base(slug)}/walk-ins`, post(walkIn));
export const getWalkInRounds = (slug: string) => call<{ rounds: WalkInRound[] }>(`${base(slug)}/walk-ins`);
export const getCounts = (slug: string) => call<CheckInCounts>(`${base(slug)}/counts`);
export const getTickets = (slug: string) => call<{ asOf: string; tickets: TicketEntry[] }>(`${base(slug)}/tickets`, { signal: AbortSignal.timeout(30_000) });
/** room: the session whose room the host works (issue 15), so "checked in" means there. */
export const searchServer = (slug: string, term: string, signal: AbortSignal, room: string | null = null) =>
  call<{ results: SearchResult[] }>(`${base(slug)}/search?q=${encodeURIComponent(term)}${room ? `&room=${encodeURIComponent(room)}` : ""}`, { signal });
