import { describe, expect, it } from "vitest";
import { registrationState, type RegistrationWindow } from "./registration-state";

const conference: RegistrationWindow = {
  status: "PUBLISHED",
  startsAt: new Date("2027-03-11T11:30:00Z"),
  endsAt: new Date("2027-03-11T16:30:00Z"),
  capacity: 80,
  registrationOpensAt: new Date("2026-10-01T00:00:00Z"),
  registrationClosesAt: new Date("2027-03-10T22:59:00Z"),
};

describe("registrationState", () => {
  it("is open inside the window with places left", () => {
    expect(registrationState(conference, 79, new Date("2026-11-28T12:00:00Z"))).toBe("open");
  });
  it("is full when every place is taken, so the waitlist is offered", () => {
    expect(registrationState(conference, 80, new Date("2026-11-28T12:00:00Z"))).toBe("full");
  });
  it("is not yet open before the window and closed after it", () => {
    expect(registrationState(conference, 0, new Date("2026-09-30T12:00:00Z"))).toBe("notYetOpen");
    expect(registrationState(conference, 0, new Date("2027-03-10T23:00:00Z"))).toBe("closed");
  });
  it("says past, cancelled and draft whatever the window", () => {
    expect(registrationState(conference, 0, new Date("2027-03-12T00:00:00Z"))).toBe("past");
    expect(registrationState({ ...conference, status: "CANCELLED" }, 0, new Date("2026-11-28T12:00:00Z"))).toBe("cancelled");
    expect(registrationState({ ...conference, status: "DRAFT" }, 0, new Date("2026-11-28T12:00:00Z"))).toBe("draft");
  });
});
