import { describe, expect, it } from "vitest";
import { literal, sql, statements } from "./sql-text";

describe("sql-text", () => {
  it("writes every value as a literal PostgreSQL reads back unchanged", () => {
    expect(literal("O'Brien")).toBe("'O''Brien'");
    expect(literal("a\\b")).toBe(" E'a\\\\b'");
    expect(literal("'; DROP TABLE registrations; --")).toBe("'''; DROP TABLE registrations; --'");
    expect(literal(null)).toBe("NULL");
    expect(literal(true)).toBe("TRUE");
    expect(literal(42)).toBe("42");
    expect(literal(new Date("2027-03-04T12:00:00.000Z"))).toBe("'2027-03-04T12:00:00.000Z'::timestamptz");
    expect(literal(["a", "b'c"])).toBe("ARRAY['a', 'b''c']::text[]");
  });

  it("refuses what is not a number", () => {
    expect(() => literal(Number.NaN)).toThrow();
    expect(() => literal(Number.POSITIVE_INFINITY)).toThrow();
  });

  it("nests fragments as SQL and joins statements for one round trip", () => {
    const inner = sql`id = ${"x'y"}`;
    expect(sql`SELECT 1 WHERE ${inner} AND n = ${1}`.text).toBe("SELECT 1 WHERE id = 'x''y' AND n = 1");
    expect(statements(sql`BEGIN`, sql`SELECT ${"a"}`)).toBe("BEGIN;\nSELECT 'a'");
  });
});
