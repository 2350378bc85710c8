import { describe, expect, it } from "vitest";
import { registrationFromFormData, rankingsFromFormData } from "./form-data";
import { registrationSchema } from "./schema";

describe("a ranking posted without JavaScript", () => {
  it("reads the numbered selects in the order of their numbers, skipping the empty ones", () => {
    const form = new FormData();
    form.append("rankings.r1.1", "s-b");
    form.append("rankings.r1.0", "s-c");
    form.append("rankings.r1.2", "");
    form.append("rankings.r2.0", "s-x");
    form.append("rankings.r1.extra", "ignored");
    expect(rankingsFromFormData(form)).toEqual({ r1: ["s-c", "s-b"], r2: ["s-x"] });
  });

  it("refuses a workshop chosen twice, with the message the form shows", () => {
    const form = new FormData();
    for (const [name, value] of [["name", "Sanne"], ["email", "sanne@example.test"], ["privacyConsent", "on"], ["rankings.r1.0", "s-a"], ["rankings.r1.1", "s-a"]]) {
      form.append(name!, value!);
    }
    const parsed = registrationSchema.safeParse(registrationFromFormData(form));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["rankings.r1", "rankingDuplicate"]]);
  });
});
