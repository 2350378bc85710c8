import { describe, expect, it } from "vitest";
import { parseCsv } from "@/tests/support/csv";
import { csvCell, toCsv } from "./csv";

describe("csvCell", () => {
  it("quotes separators, quotes and line breaks, and nothing else", () => {
    expect(csvCell("Zoë d'Hondt")).toBe("Zoë d'Hondt");
    expect(csvCell("Gemeente Schiedam, afdeling Zorg")).toBe("Gemeente Schiedam, afdeling Zorg");
    expect(csvCell("A; B")).toBe('"A; B"');
    expect(csvCell('De "Schakel"')).toBe('"De ""Schakel"""');
    expect(csvCell("regel 1\nregel 2")).toBe('"regel 1\nregel 2"');
  });

  it("keeps formulas from running in a spreadsheet", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"");
    for (const start of ["+31", "-1", "@SUM(A1)"]) expect(csvCell(start)).toBe(`'${start}`);
  });

  it("writes dates as Amsterdam wall-clock time, whatever the server's zone", () => {
    // 12:02 UTC in March is 13:02 in Amsterdam (the tests run in New York).
    expect(csvCell(new Date("2027-03-18T12:02:00Z"))).toBe("2027-03-18 13:02");
    expect(csvCell(null)).toBe("");
  });
});

describe("toCsv", () => {
  it("starts with a BOM, ends lines with CRLF and reads back cell for cell", () => {
    const rows = [["Zoë d'Hondt", "Gemeente Schiedam, afdeling Zorg", 'Zegt "hoi"; en gaat']];
    const text = toCsv(["Naam", "Organisatie", "Notitie"], rows);
    expect(text.startsWith("\uFEFFNaam;Organisatie;Notitie\r\n")).toBe(true);
    expect(parseCsv(text)).toEqual({ bom: true, rows: [["Naam", "Organisatie", "Notitie"], ...rows] });
  });
});
