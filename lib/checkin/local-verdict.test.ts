import { describe, expect, it } from "vitest";
import { afterVerdict, decideLocally, searchLocally } from "./local-verdict";
import type { TicketEntry } from "./schema";

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

describe("searchLocally", () => {
  it("finds names and organisations without accents or case", () => {
    const list = [entry(), entry({ registrationId: "r2", name: "Chloë de Graaf", organisation: "Buurtkracht" })];
    expect(searchLocally(list, "aaken").map((e) => e.registrationId)).toEqual(["r1"]);
    expect(searchLocally(list, "CHLOE").map((e) => e.registrationId)).toEqual(["r2"]);
    expect(searchLocally(list, "a")).toEqual([]);
  });
});
