// Registry numbers as attendees type them: BIG's documented 11 digits (spaces allowed while typing), a short code
// elsewhere; and the refusal reads in Dutch and in English on the field it belongs to.
import { describe, expect, it } from "vitest";
import { translatorsFor } from "@/lib/i18n/translator";
import { normaliseRegistryNumber, validRegistryNumber } from "./registers";
import { certificateSettingsSchema, minutesOfHours, registryNumbersSchema } from "./schema";

const t = translatorsFor("certificates");

describe("registry numbers", () => {
  it("takes a BIG number of 11 digits, with or without spaces, and nothing else", () => {
    expect(validRegistryNumber("BIG", "19012345601")).toBe(true);
    expect(validRegistryNumber("BIG", " 190 1234 5601 ")).toBe(true);
    expect(normaliseRegistryNumber("BIG", " 190 1234 5601 ")).toBe("19012345601");
    expect(validRegistryNumber("BIG", "1901234560")).toBe(false);
    expect(validRegistryNumber("BIG", "190123456012")).toBe(false);
    expect(validRegistryNumber("BIG", "1901234560A")).toBe(false);
  });

  it("takes a short code for the registers without a documented format", () => {
    expect(validRegistryNumber("SKJ", "110012345")).toBe(true);
    expect(validRegistryNumber("REGISTERPLEIN", "RP-2027.001")).toBe(true);
    expect(validRegistryNumber("VVN", "v&vn 123")).toBe(false);
    expect(validRegistryNumber("SKJ", "x".repeat(31))).toBe(false);
  });

  it("puts a wrong number's message on its own field, in Dutch and English", () => {
    const parsed = registryNumbersSchema.safeParse({ "registry.BIG": "12345", "registry.SKJ": "110012345", registryConsent: "on" });
    expect(parsed.success).toBe(false);
    const issue = parsed.error?.issues[0];
    expect(issue?.path).toEqual(["registry.BIG"]);
    expect(t("nl")(`validation.${issue?.message}` as "validation.invalid")).toBe("Een BIG-nummer bestaat uit 11 cijfers.");
    expect(t("en")(`validation.${issue?.message}` as "validation.invalid")).toBe("A BIG number has 11 digits.");
  });

  it("keeps the numbers given and the consent, and drops empty fields", () => {
    expect(registryNumbersSchema.parse({ "registry.BIG": "190 1234 5601", "registry.SKJ": "  ", registryConsent: "on" })).toEqual({
      numbers: { BIG: "19012345601" },
      consent: true,
    });
    expect(registryNumbersSchema.parse({}).consent).toBe(false);
  });
});

describe("certificate settings", () => {
  it("reads hours as people type them", () => {
    expect(minutesOfHours("1,5")).toBe(90);
    expect(minutesOfHours("0.75")).toBe(45);
    expect(minutesOfHours("")).toBeNull();
    expect(minutesOfHours("anderhalf")).toBeNaN();
  });

  it("gathers codes per register and hours per session, and refuses hours out of range on their field", () => {
    expect(certificateSettingsSchema.parse({ conferenceId: "c1", enabled: "on", "code.SKJ": "A-1", "hours.s1": "2", "code.BIG.s1": "B-9", "code.XYZ": "ignored" })).toEqual({
      conferenceId: "c1",
      enabled: true,
      conferenceCodes: { SKJ: "A-1" },
      sessions: { s1: { minutes: 120, codes: { BIG: "B-9" } } },
    });
    const refused = certificateSettingsSchema.safeParse({ conferenceId: "c1", "hours.s1": "25" });
    expect(refused.error?.issues.map((i) => [i.path[0], i.message])).toEqual([["hours.s1", "hours"]]);
  });
});
