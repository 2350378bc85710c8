import { expect, test } from "./support/fixtures";

test("health endpoint reports the database as reachable", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  expect(await response.json()).toMatchObject({ status: "ok", database: { ok: true } });
});

test("home page is served in Dutch", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
});

test("every page's title is in the head of its first HTML, for a browser as for a crawler", async ({ request }) => {
  // Next 16 streams metadata to browsers after the content unless told otherwise (htmlLimitedBots): a screen
  // reader could then meet a page without a title for a moment, and axe once did.
  const browser = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";
  const pages = [
    "/",
    "/en",
    "/conferenties/samen-sterker-in-de-wijk-2027",
    "/conferenties/samen-sterker-in-de-wijk-2027/aanmelden",
    "/sfeerverslagen/sfeerverslag-doe-leer-en-inspireer-2017",
    "/inloggen",
    "/inloggen/controleer-je-email",
    "/privacy",
    "/deze-pagina-bestaat-niet",
  ];
  for (const path of pages) {
    const html = await (await request.get(path, { headers: { "User-Agent": browser } })).text();
    const head = html.slice(0, html.indexOf("</head>"));
    expect(head, path).toMatch(/<title>[^<]+<\/title>/);
  }
});
