import { describe, expect, it } from "vitest";
import { newsletterSignupSchema } from "./schema";

describe("newsletterSignupSchema", () => {
  it("accepts an address, trimmed, with Dutch as the default language", () => {
    expect(newsletterSignupSchema.parse({ email: "  lezer@voorbeeld.nl " })).toEqual({ email: "lezer@voorbeeld.nl", locale: "nl" });
  });

  it("names the problem with a message key that both languages translate", () => {
    const invalid = newsletterSignupSchema.safeParse({ email: "geen adres" });
    expect(invalid.success).toBe(false);
    expect(invalid.error?.issues[0]?.message).toBe("emailInvalid");
    const long = newsletterSignupSchema.safeParse({ email: `${"a".repeat(250)}@voorbeeld.nl` });
    expect(long.error?.issues[0]?.message).toBe("tooLong");
  });

  it("refuses fields it does not know", () => {
    expect(newsletterSignupSchema.safeParse({ email: "a@b.nl", organisationId: "x" }).success).toBe(false);
  });
});
