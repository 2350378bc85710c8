import { describe, expect, it } from "vitest";
import { newTicketCode, normaliseTicketCode } from "@/lib/tokens";
import { looksLikeTicketCode, normaliseScannedCode } from "./code";

describe("normaliseScannedCode", () => {
  it("agrees with the server's normaliseTicketCode on what people and scanners type", () => {
    const code = newTicketCode();
    const typed = [code, code.toLowerCase(), `${code.slice(0, 5)}-${code.slice(5, 13)} ${code.slice(13)}`, "abc-iol 0"];
    for (const input of typed) expect(normaliseScannedCode(input)).toBe(normaliseTicketCode(input.trim()));
  });

  it("recognises a real ticket code and refuses what cannot be one", () => {
    expect(looksLikeTicketCode(normaliseScannedCode(newTicketCode()))).toBe(true);
    expect(looksLikeTicketCode("HTTPS://EXAMPLE.TEST")).toBe(false);
    expect(looksLikeTicketCode("ABC")).toBe(false);
  });
});
