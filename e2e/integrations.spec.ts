// Issue 17, items 1 and 4 as an owner meets them: an API token made on the Koppelingen page is shown once, works
// against /api/v1 at once, and stops working the moment it is revoked; a webhook to this machine is refused with a
// message beside the address. Takes no places: only reads the seeded conferences.
import { signInByEmail } from "./support/email-sign-in";
import { expect, test } from "./support/fixtures";

test.describe.configure({ timeout: 60_000 });

const OWNER = "organisator@podium.test";

for (const width of [390, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: width < 600 ? 844 : 900 } });

    test("an owner makes a read token, uses it, and revokes it", async ({ page }) => {
      const name = `CRM ${width} ${Date.now().toString(36)}`;
      await signInByEmail(page, OWNER);
      await page.getByRole("navigation", { name: "Beheermenu" }).getByRole("link", { name: "Koppelingen" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Koppelingen" })).toBeVisible();

      await page.getByLabel("Naam").fill(name);
      await page.getByLabel("Rechten").selectOption("READ");
      await page.getByRole("button", { name: "Sleutel maken" }).click();
      const shown = page.getByLabel(/Kopieer hem nu/);
      await expect(shown).toHaveValue(/^pdm_[A-Za-z0-9_-]{43}$/);
      const token = await shown.inputValue();
      await expect(page.getByRole("listitem").filter({ hasText: name })).toContainText("Alleen lezen");
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

      const list = await page.request.get("/api/v1/conferences", { headers: { authorization: `Bearer ${token}` } });
      expect(list.status()).toBe(200);
      expect(JSON.stringify(await list.json())).toContain("Samen Sterker in de Wijk");
      const write = await page.request.post(`/api/v1/registrations/onbekend/cancel`, { headers: { authorization: `Bearer ${token}` } });
      expect(write.status()).toBe(403);

      // Its use shows on the page once it is loaded again.
      await page.reload();
      const item = page.getByRole("listitem").filter({ hasText: name });
      await expect(item).toContainText("Laatst gebruikt");
      await item.getByRole("button", { name: `API-sleutel ${name} intrekken` }).click();
      await expect(item).toContainText("Ingetrokken op");
      const after = await page.request.get("/api/v1/conferences", { headers: { authorization: `Bearer ${token}` } });
      expect(after.status()).toBe(401);
    });

    test("a webhook to this machine is refused beside its address", async ({ page }) => {
      await signInByEmail(page, OWNER);
      await page.getByRole("navigation", { name: "Beheermenu" }).getByRole("link", { name: "Koppelingen" }).click();
      await page.getByLabel("Adres (URL)").fill("http://127.0.0.1:9/podium");
      await page.getByRole("checkbox", { name: /Aanmelding geannuleerd/ }).check();
      await page.getByRole("button", { name: "Webhook toevoegen" }).click();
      await expect(page.getByText("Dit adres is in een intern netwerk.")).toBeVisible();
      await expect(page.getByLabel("Adres (URL)")).toHaveAttribute("aria-invalid", "true");
    });
  });
}
