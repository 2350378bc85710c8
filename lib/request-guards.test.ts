import { describe, expect, it } from "vitest";
import { API_BYTES, bodyLimit, bodyRefusal, DASHBOARD_FORM_BYTES, FORM_UPLOAD_BYTES, nulInAddress, PUBLIC_FORM_BYTES } from "./request-guards";
import { MAX_UPLOAD_BYTES } from "./uploads/limits";

const declared = (url: string, bytes: number) => bodyRefusal({ url, contentLength: String(bytes), transferEncoding: null });
const chunked = (url: string) => bodyRefusal({ url, contentLength: null, transferEncoding: "chunked" });

describe("how much a request may send, by where it goes", () => {
  it("takes large bodies only for photos, at /api/uploads", () => {
    expect(bodyLimit("/inloggen")).toBe(PUBLIC_FORM_BYTES);
    expect(bodyLimit("/en/conferenties/x/aanmelden")).toBe(PUBLIC_FORM_BYTES);
    expect(bodyLimit("/beheer/werkplaats/sfeerverslagen/nieuw")).toBe(DASHBOARD_FORM_BYTES);
    expect(bodyLimit("/en/beheer")).toBe(DASHBOARD_FORM_BYTES);
    expect(bodyLimit("/beheerder")).toBe(PUBLIC_FORM_BYTES);
    expect(bodyLimit("/api/checkin/x/scans")).toBe(API_BYTES);
    expect(bodyLimit("/api/uploads")).toBe(MAX_UPLOAD_BYTES);
    expect(bodyLimit("/api/uploads/form")).toBe(FORM_UPLOAD_BYTES);
    expect(PUBLIC_FORM_BYTES).toBeLessThanOrEqual(64 * 1024);
  });

  it("refuses a declared length over the limit with 413, from absolute and relative URLs alike", () => {
    expect(declared("/inloggen", PUBLIC_FORM_BYTES)).toBeNull();
    expect(declared("/inloggen", PUBLIC_FORM_BYTES + 1)).toMatchObject({ status: 413, text: expect.stringContaining("32 KB") });
    expect(declared("http://localhost:3000/inloggen?x=1", 20 * 1024 * 1024)?.status).toBe(413);
    expect(declared("/api/uploads", MAX_UPLOAD_BYTES + 1)).toMatchObject({ status: 413, text: expect.stringContaining("10 MB") });
  });

  it("asks pages and Auth.js for a length (411), and lets route handlers that count their own bytes stream", () => {
    expect(chunked("/inloggen")?.status).toBe(411);
    expect(chunked("/beheer/x")?.status).toBe(411);
    expect(chunked("/api/auth/signout")?.status).toBe(411);
    expect(chunked("/api/conferences/x/registrations")).toBeNull();
    expect(chunked("/api/uploads")).toBeNull();
    expect(bodyRefusal({ url: "/inloggen", contentLength: null, transferEncoding: null })).toBeNull();
  });
});

describe("a NUL in the address", () => {
  it("is refused in the path, and left to the page in the query", () => {
    expect(nulInAddress("/conferenties/ab%00cd")?.status).toBe(400);
    expect(nulInAddress("http://localhost:3000/api/conferences/ab%00/calendar")?.status).toBe(400);
    expect(nulInAddress("/api/checkin/x/search?q=a%00b")).toBeNull();
    expect(nulInAddress("/conferenties/ab%2500cd")).toBeNull();
  });
});
