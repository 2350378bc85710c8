import { describe, expect, it } from "vitest";
import { amsterdamDateKey } from "@/lib/time/amsterdam";
import { formatDateTimeRange, formatDoorCode, formatTime } from "./format";

// 26 October 2017 was still summer time in Amsterdam (UTC+2).
const start = new Date("2017-10-26T11:00:00Z");
const end = new Date("2017-10-26T15:30:00Z");

describe("dates in Europe/Amsterdam", () => {
  it("writes a Dutch date line with the times of the day in Amsterdam", () => {
    expect(formatDateTimeRange(start, end, "nl")).toBe("donderdag 26 oktober 2017, 13.00-17.30 uur");
  });

  it("writes the English date line in 24-hour Amsterdam time", () => {
    expect(formatDateTimeRange(start, end, "en")).toBe("Thursday, 26 October 2017, 13:00-17:30");
  });

  it("uses Amsterdam's date near midnight, not the server's", () => {
    const lateEvening = new Date("2027-03-10T23:30:00Z"); // 00.30 on 11 March in Amsterdam (UTC+1)
    expect(amsterdamDateKey(lateEvening)).toBe("2027-03-11");
    expect(formatTime(lateEvening, "nl")).toBe("00.30");
  });
});

describe("door codes", () => {
  it("are printed in two groups of three, as they are read out", () => {
    expect(formatDoorCode("K7M2QX")).toBe("K7M 2QX");
  });
});
