import { describe, expect, it } from "vitest";
import { pickPublicSpeaker } from "./pick";

const session = (iso: string, status: string) => ({ session: { startsAt: new Date(iso), conference: { status } } });

describe("pickPublicSpeaker", () => {
  it("prefers the speaker with a published conference over one whose only conference was cancelled", () => {
    const cancelled = { id: "a", sessions: [session("2030-01-01T10:00:00Z", "CANCELLED")], reports: [] };
    const published = { id: "b", sessions: [session("2017-10-26T11:00:00Z", "PUBLISHED")], reports: [] };
    expect(pickPublicSpeaker([cancelled, published])?.id).toBe("b");
  });

  it("otherwise takes the one seen most recently", () => {
    const older = { id: "a", sessions: [session("2017-10-26T11:00:00Z", "PUBLISHED")], reports: [] };
    const newer = { id: "b", sessions: [session("2027-03-11T11:30:00Z", "PUBLISHED")], reports: [] };
    expect(pickPublicSpeaker([older, newer])?.id).toBe("b");
  });

  it("finds nobody in an empty list", () => {
    expect(pickPublicSpeaker([])).toBeNull();
  });
});
