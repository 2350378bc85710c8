import { describe, expect, it } from "vitest";
import { newTicketCode, normaliseTicketCode } from "@/lib/tokens";
import { looksLikeCode, looksLikeDoorCode, looksLikeTicketCode, normaliseScannedCode } from "./code";

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

describe("door codes", () => {
  it("are read as printed, typed with or without the space, in lower case, with O and I for 0 and 1", () => {
    for (const typed of ["K7M 2QX", "k7m2qx", " k7m-2qx ", "K7M  2QX"]) expect(normaliseScannedCode(typed)).toBe("K7M2QX");
    expect(normaliseScannedCode("o1i 2ql")).toBe("0112Q1");
    expect(looksLikeDoorCode(normaliseScannedCode("k7m 2qx"))).toBe(true);
    expect(looksLikeCode(normaliseScannedCode("k7m 2qx"))).toBe(true);
  });

  it("are six characters of Crockford base32, and nothing else is one", () => {
    expect(looksLikeDoorCode("K7M2Q")).toBe(false);
    expect(looksLikeDoorCode("K7M2QXY")).toBe(false);
    // U is not in Crockford's alphabet.
    expect(looksLikeDoorCode("K7M2QU")).toBe(false);
    expect(looksLikeCode("HELLO!")).toBe(false);
  });
});
