import { describe, expect, it } from "vitest";
import { afterUndo, afterVerdict, decideLocally, searchLocally, type LocalPlace } from "./local-verdict";
import type { DoorSession, TicketEntry } from "./schema";

const entry = (overrides: Partial<TicketEntry> = {}): TicketEntry => ({
  registrationId: "r1",
  name: "Patricia van Aaken",
  organisation: "Gemeente Dordrecht",
  workshops: ["Workshop A"],
  hostNote: null,
  dietaryNeeds: null,
  accessibilityNeeds: null,
  codeHash: "x",
  doorCode: "K7M2QX",
  status: "CONFIRMED",
  checkedInAt: null,
  checkedInBy: null,
  ...overrides,
});

describe("decideLocally", () => {
  it("welcomes once, then answers 'already' with the Amsterdam time of the first check-in", () => {
    const first = decideLocally(entry(), "n1");
    expect(first.kind).toBe("welcome");
    const after = afterVerdict(entry(), first, new Date("2027-03-11T12:02:00Z"), "Hanna Host");
    const second = decideLocally(after, "n2");
    expect(second).toMatchObject({ kind: "already", time: "13.02", by: "Hanna Host" });
  });

  it("answers unknown, cancelled and waitlisted like the server", () => {
    expect(decideLocally(undefined, "n")).toEqual({ kind: "unknown", nonce: "n" });
    expect(decideLocally(entry({ status: "CANCELLED" }), "n").kind).toBe("cancelled");
    expect(decideLocally(entry({ status: "WAITLISTED" }), "n").kind).toBe("waitlisted");
  });
});

describe("decideLocally at a room (issue 15)", () => {
  const session = (sessionId: string, roundId: string | null, room: string | null = null): DoorSession => ({ sessionId, title: `Sessie ${sessionId}`, room, roundId, roundTitle: roundId ? "Middagronde" : null, startsAt: "2027-03-11T13:00:00Z" });
  const sessions = [session("a", "round"), session("b", "round", "Studio"), session("keynote", null)];
  const at = (sessionId: string, admitAnyway = false): LocalPlace => ({ session: sessions.find((s) => s.sessionId === sessionId)!, sessions: new Map(sessions.map((s) => [s.sessionId, s])), admitAnyway });

  it("welcomes the own workshop, turns another amber with the own room, and admits anyway only when asked", () => {
    const person = entry({ places: { round: "b" }, rooms: {} });
    expect(decideLocally(person, "n", at("b")).kind).toBe("welcome");
    expect(decideLocally(person, "n", at("a"))).toMatchObject({ kind: "wrongRoom", own: { sessionId: "b", title: "Sessie b", room: "Studio" } });
    expect(decideLocally(entry({ places: {} }), "n", at("a"))).toMatchObject({ kind: "wrongRoom", own: null });
    expect(decideLocally(person, "n", at("a", true))).toMatchObject({ kind: "welcome", outsideChoice: true });
    // A plenary session lets in anyone confirmed; a waitlisted person is refused as at the door.
    expect(decideLocally(entry({ places: {} }), "n", at("keynote")).kind).toBe("welcome");
    expect(decideLocally(entry({ status: "WAITLISTED" }), "n", at("keynote")).kind).toBe("waitlisted");
  });

  it("counts places apart: in at the door is no duplicate at a room, in at a room is 'already' there only, until undone", () => {
    const atDoor = afterVerdict(entry({ places: { round: "a" } }), { kind: "welcome", nonce: "n", attendee: decideLocallyAttendee() }, new Date("2027-03-11T12:00:00Z"), "Hanna Host");
    expect(decideLocally(atDoor, "n", at("a")).kind).toBe("welcome");
    const inRoom = afterVerdict(atDoor, { kind: "welcome", nonce: "n", attendee: decideLocallyAttendee() }, new Date("2027-03-11T13:05:00Z"), "Hanna Host", "a");
    expect(decideLocally(inRoom, "n", at("a"))).toMatchObject({ kind: "already", time: "14.05", by: "Hanna Host" });
    expect(decideLocally(inRoom, "n", at("keynote")).kind).toBe("welcome");
    expect(decideLocally(inRoom, "n")).toMatchObject({ kind: "already", time: "13.00" });
    expect(decideLocally(afterUndo(inRoom, "a"), "n", at("a")).kind).toBe("welcome");
    expect(decideLocally(afterUndo(inRoom, "a"), "n").kind).toBe("already");
  });
});

function decideLocallyAttendee() {
  const { registrationId, name, organisation, workshops, hostNote, dietaryNeeds, accessibilityNeeds } = entry();
  return { registrationId, name, organisation, workshops, hostNote, dietaryNeeds, accessibilityNeeds };
}

describe("searchLocally", () => {
  it("finds names and organisations without accents or case", () => {
    const list = [entry(), entry({ registrationId: "r2", name: "Chloë de Graaf", organisation: "Buurtkracht" })];
    expect(searchLocally(list, "aaken").map((e) => e.registrationId)).toEqual(["r1"]);
    expect(searchLocally(list, "CHLOE").map((e) => e.registrationId)).toEqual(["r2"]);
    expect(searchLocally(list, "a")).toEqual([]);
  });
});
