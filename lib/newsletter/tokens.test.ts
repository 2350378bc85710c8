import { describe, expect, it } from "vitest";
import { isPlausibleToken, newConfirmToken, unsubscribeToken } from "./tokens";
import { hashToken } from "@/lib/tokens";

describe("newsletter tokens", () => {
  it("derives the same unsubscribe token for an address every time, and a different one per organisation", () => {
    const a = unsubscribeToken("org-1", "lezer@voorbeeld.test");
    expect(unsubscribeToken("org-1", "lezer@voorbeeld.test")).toBe(a);
    expect(unsubscribeToken("org-2", "lezer@voorbeeld.test")).not.toBe(a);
    expect(unsubscribeToken("org-1", "ander@voorbeeld.test")).not.toBe(a);
    // 256 bits in base64url.
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("makes confirmation tokens of at least 128 bits, stored only as their hash", () => {
    const { token, hash } = newConfirmToken();
    expect(Buffer.from(token, "base64url").length).toBeGreaterThanOrEqual(16);
    expect(hash).toBe(hashToken(token));
    expect(hash).not.toContain(token);
    expect(newConfirmToken().token).not.toBe(token);
  });

  it("refuses what cannot be a token before it reaches the database", () => {
    expect(isPlausibleToken(newConfirmToken().token)).toBe(true);
    expect(isPlausibleToken("kort")).toBe(false);
    expect(isPlausibleToken("a".repeat(30) + "'; drop table")).toBe(false);
  });
});
