// registration_register decides under the lock with registration_state, lib/conferences/registration-state.ts
// in SQL; pages and forms say why with the TypeScript one. Both must give the same answer in every case.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pgPool } from "@/lib/db-pool";
import { registrationState, type RegistrationWindow } from "@/lib/conferences/registration-state";

afterAll(async () => {
  await db.$disconnect();
});

const HOUR = 60 * 60 * 1000;
const now = new Date("2027-03-11T10:00:00.000Z");
const at = (hours: number) => new Date(now.getTime() + hours * HOUR);

describe("registration_state in SQL", () => {
  it("answers as registrationState for every status, window and fill", async () => {
    const cases: Array<{ window: RegistrationWindow; confirmed: number }> = [];
    for (const status of ["DRAFT", "PUBLISHED", "CANCELLED"] as const) {
      for (const [startsAt, endsAt] of [[at(48), at(56)], [at(-1), at(7)], [at(-9), at(-1)], [at(0), at(8)]] as const) {
        for (const registrationOpensAt of [null, at(-24), at(1), at(0)]) {
          for (const registrationClosesAt of [null, at(-2), at(24), at(0)]) {
            for (const confirmed of [0, 49, 50, 51]) {
              cases.push({ window: { status, startsAt, endsAt, capacity: 50, registrationOpensAt, registrationClosesAt }, confirmed });
            }
          }
        }
      }
    }
    const { rows } = await pgPool().query<{ state: string }>(
      `SELECT registration_state(c.status, c.starts_at, c.ends_at, c.opens_at, c.closes_at, c.capacity, c.confirmed, $8) AS state
         FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[], $4::timestamptz[], $5::timestamptz[], $6::int[], $7::int[])
              WITH ORDINALITY AS c (status, starts_at, ends_at, opens_at, closes_at, capacity, confirmed, n)
        ORDER BY c.n`,
      [
        cases.map((c) => c.window.status),
        cases.map((c) => c.window.startsAt),
        cases.map((c) => c.window.endsAt),
        cases.map((c) => c.window.registrationOpensAt),
        cases.map((c) => c.window.registrationClosesAt),
        cases.map((c) => c.window.capacity),
        cases.map((c) => c.confirmed),
        now,
      ],
    );
    expect(rows.map((r) => r.state)).toEqual(cases.map((c) => registrationState(c.window, c.confirmed, now)));
    // Every answer occurs, so no branch goes unchecked.
    expect(new Set(rows.map((r) => r.state))).toEqual(new Set(["draft", "cancelled", "past", "notYetOpen", "closed", "full", "open"]));
  });
});
