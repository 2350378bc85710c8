import { describe, expect, it } from "vitest";
import { newRegistrationId, registrationIdSchema } from "./registration-id";

describe("registration ids", () => {
  it("accepts every id the app makes, and those of registrations made before ids were UUIDs", () => {
    for (let i = 0; i < 100; i++) expect(registrationIdSchema.safeParse(newRegistrationId()).success).toBe(true);
    expect(registrationIdSchema.safeParse("cmxd8wlrq00020x7d46mfzeam").success).toBe(true);
  });

  it("refuses what no registration has", () => {
    for (const id of ["", "1", "x".repeat(80), "'; DROP TABLE registrations; --", "../../etc/passwd"]) {
      expect(registrationIdSchema.safeParse(id).success).toBe(false);
    }
  });
});
