// What a hostile client sends straight at the production server (`npm start`, as the e2e stack runs it):
// NUL bytes in addresses, queries and fields. Every answer is a 4xx that says what is wrong, never a 500.
import { signInByEmail } from "./support/email-sign-in";
import { expect, test } from "./support/fixtures";

const CONFERENCE = "samen-sterker-in-de-wijk-2027";

test("a NUL in a path segment is refused with 4xx on every kind of route", async ({ request }) => {
  for (const path of [
    "/conferenties/ab%00cd",
    "/en/conferenties/ab%00cd",
    `/conferenties/ab%00cd/aanmelden`,
    "/dossiers/ab%00cd",
    "/sfeerverslagen/ab%00cd",
    "/sprekers/ab%00cd",
    "/aanmelding/ab%00cd",
    "/nieuwsbrief/afmelden/ab%00cd",
    "/beheer/ab%00cd",
    "/checkin/ab%00cd",
    "/api/conferences/ab%00cd/calendar",
    "/api/checkin/ab%00cd/search?q=vries",
    "/api/manage/ab%00cd/calendar",
    "/media/ab%00cd.webp",
  ]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBeGreaterThanOrEqual(400);
    expect(response.status(), path).toBeLessThan(500);
  }
  const posted = await request.post("/api/conferences/ab%00cd/registrations", {
    data: { name: "Fatima El Idrissi", email: "fatima@example.org", privacyConsent: true },
  });
  expect(posted.status()).toBeGreaterThanOrEqual(400);
  expect(posted.status()).toBeLessThan(500);
});

test("a NUL in a query is ignored by pages and feeds that cannot use it", async ({ request }) => {
  for (const path of [
    `/conferenties/${CONFERENCE}?x=%00`,
    "/sfeerverslagen?pagina=%00",
    "/inloggen?callbackUrl=%2Fbeheer%00",
    `/api/conferences/${CONFERENCE}/calendar?taal=%00`,
    "/feeds/conferenties.ics?taal=%00",
    "/feeds/sfeerverslagen.xml?x=%00",
  ]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBeLessThan(500);
  }
});

test("a NUL in a field of the registration API gets a field error in both languages", async ({ request }) => {
  const response = await request.post(`/api/conferences/${CONFERENCE}/registrations`, {
    data: { name: "Fatima\u0000El Idrissi", email: `nul-${Date.now()}@example.org`, privacyConsent: true },
  });
  expect(response.status()).toBe(422);
  const body = (await response.json()) as { fields: Record<string, { nl: string; en: string }> };
  expect(body.fields.name?.nl).toContain("nul-teken");
  expect(body.fields.name?.en).toContain("null character");
});

test("a NUL in the door's search gets a field error", async ({ page }) => {
  await signInByEmail(page, "host@podium.test");
  const response = await page.request.get(`/api/checkin/${CONFERENCE}/search?q=de%00vries`);
  expect(response.status()).toBe(422);
  const body = (await response.json()) as { fields: Record<string, { nl: string; en: string }> };
  expect(body.fields.q?.en).toContain("null character");
});
