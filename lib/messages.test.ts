import { describe, expect, it } from "vitest";
import { en, nl } from "@/messages";

function entries(value: unknown, prefix = ""): Array<[string, unknown]> {
  if (typeof value !== "object" || value === null) return [[prefix, value]];
  return Object.entries(value).flatMap(([k, v]) => entries(v, prefix ? `${prefix}.${k}` : k));
}

describe("messages", () => {
  it("has every Dutch text in English and nothing English-only", () => {
    expect(entries(en).map(([k]) => k).sort()).toEqual(entries(nl).map(([k]) => k).sort());
  });

  it("has no empty text in either language", () => {
    const empty = [...entries(nl), ...entries(en)].filter(([, v]) => typeof v !== "string" || v.trim() === "");
    expect(empty).toEqual([]);
  });
});
