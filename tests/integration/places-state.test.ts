// Whether a visitor can sign up, and if not why, is decided in one place: places_state in prisma/sql/places.sql.
// The sign-up decides with it under the lock, and every page shows it through places_of; nothing else decides it.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pgPool } from "@/lib/db-pool";
import { placesOf } from "@/lib/places/queries";
import { createConference } from "../support/factories";

afterAll(async () => {
  await db.$disconnect();
});

type Window = { status: string; startsAt: Date; endsAt: Date; opensAt: Date | null; closesAt: Date | null; capacity: number };

const conference: Window = {
  status: "PUBLISHED",
  startsAt: new Date("2027-03-11T11:30:00Z"),
  endsAt: new Date("2027-03-11T16:30:00Z"),
  opensAt: new Date("2026-10-01T00:00:00Z"),
  closesAt: new Date("2027-03-10T22:59:00Z"),
  capacity: 80,
};

async function state(window: Window, confirmed: number, now: string): Promise<string> {
  const { rows } = await pgPool().query<{ state: string }>("SELECT places_state($1, $2, $3, $4, $5, $6, $7, $8) AS state", [
    window.status, window.startsAt, window.endsAt, window.opensAt, window.closesAt, window.capacity, confirmed, new Date(now),
  ]);
  return rows[0]?.state ?? "none";
}

describe("places_state", () => {
  it("is open inside the window with places left, and full when every place is taken", async () => {
    expect(await state(conference, 79, "2026-11-28T12:00:00Z")).toBe("open");
    expect(await state(conference, 80, "2026-11-28T12:00:00Z")).toBe("full");
  });

  it("is not yet open before the window, closed after it, and closed at the start when no closing time is set", async () => {
    expect(await state(conference, 0, "2026-09-30T12:00:00Z")).toBe("notYetOpen");
    expect(await state(conference, 0, "2027-03-10T23:00:00Z")).toBe("closed");
    expect(await state({ ...conference, closesAt: null }, 0, "2027-03-11T11:30:00Z")).toBe("closed");
    expect(await state({ ...conference, closesAt: null, opensAt: null }, 0, "2027-03-11T11:29:59Z")).toBe("open");
  });

  it("says past, cancelled and draft whatever the window", async () => {
    expect(await state(conference, 0, "2027-03-12T00:00:00Z")).toBe("past");
    expect(await state({ ...conference, status: "CANCELLED" }, 0, "2026-11-28T12:00:00Z")).toBe("cancelled");
    expect(await state({ ...conference, status: "DRAFT" }, 0, "2026-11-28T12:00:00Z")).toBe("draft");
  });

  it("is what every page reads with the places, from the counts the triggers keep", async () => {
    const made = await createConference({ capacity: 2, rounds: [[1, null]] });
    const places = await placesOf(made.id);
    expect(places).toMatchObject({ capacity: 2, confirmed: 0, waitlisted: 0, left: 2, state: "open" });
    expect(places?.sessions.map((s) => [s.capacity, s.left])).toEqual([[1, 1], [null, null]]);
    expect(await placesOf("no-such-conference")).toBeNull();
  });
});
