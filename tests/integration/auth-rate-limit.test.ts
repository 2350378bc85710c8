import { afterAll, describe, expect, it } from "vitest";
import { SIGN_IN_PER_ADDRESS, SIGN_IN_PER_CLIENT } from "@/lib/auth/rate-limits";
import { countSignInRequest } from "@/lib/auth/sign-in-limits";
import { db } from "@/lib/db";
import { uniqueEmail, uniqueSuffix } from "../support/factories";

// Both sign-in limits, counted in PostgreSQL. Unique client addresses and emails keep this file's counters
// apart from every other test's.

afterAll(() => db.$disconnect());

function client(): string {
  return `198.51.100.${uniqueSuffix()}`;
}

describe("sign-in rate limits", () => {
  it("stops links to one address after its limit, whoever asks and from however many places", async () => {
    const target = uniqueEmail("doelwit");
    for (let i = 0; i < SIGN_IN_PER_ADDRESS.limit; i++) {
      expect((await countSignInRequest(target, client())).ok).toBe(true);
    }
    const refused = await countSignInRequest(target, client());
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.retryAfterSeconds).toBeGreaterThan(SIGN_IN_PER_ADDRESS.windowSeconds - 60);
    // The same address in other capitals is the same address.
    expect((await countSignInRequest(target.toUpperCase(), client())).ok).toBe(false);
    // Someone else is not affected.
    expect((await countSignInRequest(uniqueEmail("ander"), client())).ok).toBe(true);
  });

  it("stops one client trying many addresses after its limit", async () => {
    const address = client();
    for (let i = 0; i < SIGN_IN_PER_CLIENT.limit; i++) {
      expect((await countSignInRequest(uniqueEmail(`poging${i}`), address)).ok).toBe(true);
    }
    expect((await countSignInRequest(uniqueEmail("nog-een"), address)).ok).toBe(false);
    expect((await countSignInRequest(uniqueEmail("nog-een"), client())).ok).toBe(true);
  });

  it("counts concurrent requests exactly: no burst slips through", async () => {
    const target = uniqueEmail("gelijktijdig");
    const results = await Promise.all(Array.from({ length: 12 }, () => countSignInRequest(target, client())));
    expect(results.filter((r) => r.ok)).toHaveLength(SIGN_IN_PER_ADDRESS.limit);
  });

  it("keeps no address in the table, only hashes", async () => {
    const target = uniqueEmail("privacy");
    const address = client();
    await countSignInRequest(target, address);
    const keys = (await db.rateLimitBucket.findMany({ select: { key: true } })).map((row) => row.key);
    expect(keys.some((key) => key.includes(target) || key.includes(address))).toBe(false);
  });
});
