// Source Sans 3's latin-ext files (67 KB) are fetched only for a character only they have (app/globals.css): a
// Dutch page never waits for them. Without the unicode-range the browser fetched both files on the sign-up page,
// at the highest priority, before its first paint (issue 18: what kept that page's LCP over 2.5 s on a simulated phone).
import { expect, test } from "./support/fixtures";

const SIGN_UP = "/conferenties/samen-sterker-in-de-wijk-2027/aanmelden";

test("a Dutch page loads only the latin font files; latin-ext keeps its unicode-range", async ({ page }) => {
  const fonts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "font") fonts.push(request.url());
  });
  for (const path of ["/", "/conferenties/samen-sterker-in-de-wijk-2027", SIGN_UP]) {
    await page.goto(path, { waitUntil: "networkidle" });
    expect(fonts.filter((url) => /latin[-_]ext/.test(url)), path).toEqual([]);
  }
  expect(fonts.some((url) => /latin[-_]400/.test(url))).toBe(true);

  // The latin-ext faces keep their range (next/font would have dropped it), so only a name in, say, Polish fetches them.
  const ranges = await page.evaluate(() => [...document.fonts].filter((face) => face.family.includes("latin-ext")).map((face) => face.unicodeRange));
  expect(ranges).toHaveLength(2);
  for (const range of ranges) {
    expect(range).toContain("U+100-2BA");
    expect(range).not.toContain("U+0-10FFFF");
  }
});
