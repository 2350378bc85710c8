// Issue 15, points 3-6, as people do it: an organiser makes a conference of its own (no places are taken from the
// demo conference) that started two hours ago and ends in a few minutes, turns certificates on and sets the
// opening's hours and codes; someone added at the desk gives their BIG number on the manage page (a wrong one
// first); the host checks them in at the door. Once the end has passed the mail worker sends the certificate: the
// PDF downloads from the link, is rendered to PNG (attached, to look at) and read back; /certificaat/<code>
// verifies it; the register's CSV holds the person; after the organiser revokes it the page says so.
import { readFile, writeFile } from "node:fs/promises";
import type { Browser, Page } from "@playwright/test";
import { parseCsv } from "../tests/support/csv";
import { pdfPagePng, pdfText } from "../tests/support/pdf";
import { DOOR_HOST } from "./support/door";
import { signInByEmail } from "./support/email-sign-in";
import { expect, test } from "./support/fixtures";
import { waitForMail } from "./support/mail";

test.describe.configure({ mode: "serial", timeout: 420_000 });

const ORGANISER = "organisator@podium.test";
const suffix = Date.now().toString(36);
const title = `Accreditatiedag jeugdzorg ${suffix}`;
const slug = `accreditatiedag-jeugdzorg-${suffix}`;
const OPENING = "Opening: samen sterker voor de jeugd";
// A name with letters outside Latin-1: the PDF must print it as written, in the brand font read by `next start`.
const person = { name: "Zoë Wiśniewska-Yılmaz", email: `zoe.wisniewska.${suffix}@voorbeeld.test` };
const MINUTE = 60_000;
const SCREENSHOTS = process.env.EDITOR_SCREENSHOTS;

// Datetime-local values in Amsterdam, whatever zone the test runs in.
const amsterdam = (date: Date) => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Amsterdam", dateStyle: "short", timeStyle: "short" }).format(date).replace(" ", "T");
// The end two to three minutes ahead (whole minutes: the form's inputs have no seconds): long enough for the steps
// before the door (about 30 s), short enough to wait for. The door's check-in must come before the opening ends,
// or the opening does not count (prisma/sql/attendance.sql).
const start = new Date(Date.now() - 120 * MINUTE);
const end = new Date(Math.ceil((Date.now() + 2 * MINUTE) / MINUTE) * MINUTE);

let conferencePath = "";
let ticketCode = "";
let manageLink = "";
let verificationPath = "";

async function signedIn(browser: Browser, baseURL: string | undefined, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signInByEmail(page, email);
  return page;
}

test.describe("certificates of attendance", () => {
  test("the organiser makes a conference, sets hours and codes, publishes and adds someone", async ({ page }) => {
    await signInByEmail(page, ORGANISER);
    await page.goto("/beheer/werkplaats-sociaal-domein-zhz/conferenties/nieuw");
    await page.getByLabel("Titel", { exact: true }).fill(title);
    await page.getByLabel("Webadres").fill(slug);
    await page.getByLabel("Begint op").fill(amsterdam(start));
    await page.getByLabel("Eindigt op").fill(amsterdam(end));
    await page.getByLabel("Locatie").selectOption({ label: "Theater aan de Schie, Schiedam" });
    await page.getByLabel("Aantal plaatsen").fill("40");
    await page.getByRole("button", { name: "Conferentie aanmaken" }).click();
    await page.getByLabel("Ja, deze datum ligt in het verleden en dat klopt").check();
    await page.getByRole("button", { name: "Conferentie aanmaken" }).click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    conferencePath = new URL(page.url()).pathname;

    await page.getByRole("link", { name: /^Programma/ }).click();
    const session = page.getByRole("region", { name: "Sessie toevoegen" });
    await session.getByLabel("Titel").fill(OPENING);
    await session.getByLabel("Soort").selectOption({ label: "Keynote" });
    await session.getByLabel("Begint om").fill(amsterdam(start));
    await session.getByLabel("Eindigt om").fill(amsterdam(end));
    await session.getByRole("button", { name: "Sessie toevoegen" }).click();
    await expect(session.getByText("De sessie is toegevoegd.")).toBeVisible();

    await page.goto(conferencePath);
    await page.getByRole("link", { name: "Certificaten" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Certificaten van deelname: ${title}` })).toBeVisible();
    await page.getByLabel("Certificaten aan").check();
    await page.getByLabel("BIG-register", { exact: true }).fill("BIG-ACC-2027");
    await page.getByLabel(`Uren: ${OPENING}`).fill("anderhalf");
    await page.getByRole("button", { name: "Opslaan" }).click();
    // The server's refusal, on the field.
    await expect(page.getByText("Vul een aantal uren in tussen 0,25 en 24, bijvoorbeeld 1,5.")).toBeVisible();
    await page.getByLabel(`Uren: ${OPENING}`).fill("1,5");
    await page.getByLabel(`Code SKJ: ${OPENING}`).fill("SKJ-778899");
    await page.getByRole("button", { name: "Opslaan" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Opgeslagen." })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Certificaten aan")).toBeChecked();
    await expect(page.getByLabel(`Uren: ${OPENING}`)).toHaveValue("1,5");
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/certificates-settings.png`, fullPage: true });

    await page.goto(conferencePath);
    await page.getByRole("button", { name: "Publiceren" }).click();
    await expect(page.getByText("De conferentie is gepubliceerd.")).toBeVisible();

    // Sign-up has closed at the start; the desk adds her (allowed until the end).
    await page.goto(`${conferencePath}/aanmeldingen`);
    const add = page.getByRole("region", { name: "Iemand aanmelden" });
    await add.getByLabel("Naam").fill(person.name);
    await add.getByLabel("E-mailadres").fill(person.email);
    await add.getByLabel("Deze persoon gaat akkoord met de privacyverklaring").check();
    await add.getByRole("button", { name: "Aanmelden" }).click();
    await expect(add.getByText(`${person.name} is aangemeld`)).toBeVisible();

    const mail = await waitForMail({ to: person.email, subject: "Je ticket voor" }, 30_000);
    ticketCode = /Ticketcode: ([0-9A-Z]+)/.exec(mail.text)?.[1] ?? "";
    manageLink = /(https?:\/\/\S+\/aanmelding\/[A-Za-z0-9_-]+)/.exec(mail.text)?.[1] ?? "";
    expect(ticketCode).not.toBe("");
    expect(manageLink).not.toBe("");
  });

  test("the attendee adds a BIG number on the manage page; a wrong one is refused on its field", async ({ page }) => {
    await page.goto(new URL(manageLink).pathname);
    const section = page.getByRole("region", { name: "Certificaat en registers" });
    await expect(section.getByText("Na de conferentie krijg je een certificaat van deelname als je aanwezig was.")).toBeVisible();
    await section.getByLabel(/BIG-register/).fill("1234");
    await section.getByRole("button", { name: "Registratienummers opslaan" }).click();
    await expect(section.getByText("Een BIG-nummer bestaat uit 11 cijfers.")).toBeVisible();
    await expect(section.getByLabel(/BIG-register/)).toHaveAttribute("aria-invalid", "true");
    await section.getByLabel(/BIG-register/).fill("190 1234 5601");
    await section.getByLabel("Geef mijn aanwezigheid door aan de registers hierboven").check();
    await section.getByRole("button", { name: "Registratienummers opslaan" }).click();
    await expect(section.getByRole("status")).toHaveText(/Je registratienummers zijn opgeslagen./);
    await page.reload();
    await expect(section.getByLabel(/BIG-register/)).toHaveValue("19012345601");
    if (SCREENSHOTS) await section.screenshot({ path: `${SCREENSHOTS}/certificates-manage.png` });
  });

  test("the host checks her in at the door", async ({ browser }, testInfo) => {
    const host = await signedIn(browser, testInfo.project.use.baseURL, DOOR_HOST);
    await host.goto(`/checkin/${slug}`);
    await host.getByLabel("Ticketcode").fill(ticketCode);
    await host.getByRole("button", { name: "Controleer" }).click();
    await expect(host.getByRole("alertdialog")).toContainText(`Welkom, ${person.name}`);
    await host.context().close();
  });

  test("after the end the certificate arrives; the PDF says what she attended and verifies", async ({ page }, testInfo) => {
    // The mail worker issues certificates once the end has passed (lib/certificates/mutations.ts).
    const mail = await waitForMail({ to: person.email, subject: "Je certificaat van deelname" }, end.getTime() - Date.now() + 90_000);
    expect(Date.now()).toBeGreaterThanOrEqual(end.getTime());
    const download = /(https?:\/\/\S+\/api\/manage\/[A-Za-z0-9_-]+\/certificate)/.exec(mail.text)?.[1] ?? "";
    expect(download).not.toBe("");
    const response = await page.request.get(new URL(download).pathname);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    const pdf = new Uint8Array(await response.body());
    const png = await pdfPagePng(pdf, 80);
    await writeFile(testInfo.outputPath("certificaat.png"), png);
    await testInfo.attach("certificaat.png", { body: png, contentType: "image/png" });

    const text = await pdfText(pdf);
    expect(text).toContain("Certificaat van deelname");
    expect(text).toContain(person.name);
    expect(text).toContain(title);
    expect(text).toContain("Werkplaats Sociaal Domein");
    expect(text).toContain("Theater aan de Schie, Schiedam");
    expect(text).toMatch(new RegExp(`${OPENING}\\s+1,5\\s+SKJ: SKJ-778899`));
    expect(text).toContain("BIG-register: 19012345601");
    expect(text).toContain("Accreditatie: BIG: BIG-ACC-2027");
    verificationPath = /https?:\/\/\S+?(\/certificaat\/[0-9A-Z]{26})/.exec(text)?.[1] ?? "";
    expect(verificationPath).not.toBe("");

    // The same certificate from the manage page.
    await page.goto(new URL(manageLink).pathname);
    await expect(page.getByRole("link", { name: "Download je certificaat (PDF)" })).toBeVisible();

    await page.goto(verificationPath);
    await expect(page.getByRole("heading", { name: "Geldig certificaat" })).toBeVisible();
    await expect(page.getByText(person.name)).toBeVisible();
    await expect(page.getByText(title)).toBeVisible();
    await expect(page.locator("dd").filter({ hasText: /^1,5$/ })).toBeVisible();
    await expect(page.getByText(person.email)).toHaveCount(0);
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/certificates-verify.png`, fullPage: true });
  });

  test("the organiser exports the BIG register's list, then revokes the certificate and the page says so", async ({ page }) => {
    await signInByEmail(page, ORGANISER);
    await page.goto(`${conferencePath}/certificaten`);
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /Download CSV voor BIG-register \(1 met toestemming\)/ }).click()]);
    const { rows } = parseCsv(await readFile(await file.path(), "utf8"));
    expect(rows[0]).toEqual(["Naam", "Registratienummer", "Activiteit", "Datum", "Uren", "Accreditatiecode"]);
    expect(rows[1]).toEqual([person.name, "19012345601", title, amsterdam(start).slice(0, 10), "1,5", "BIG-ACC-2027"]);

    const issued = page.getByRole("listitem").filter({ hasText: person.name });
    await issued.locator("summary", { hasText: "Intrekken" }).click();
    await issued.getByRole("button", { name: "Intrekken" }).click();
    // The list comes back from the server with the certificate revoked.
    await expect(issued).toContainText("Ingetrokken");
    await expect(issued.getByRole("button", { name: "Intrekken" })).toHaveCount(0);

    await page.goto(verificationPath);
    await expect(page.getByRole("heading", { name: "Dit certificaat is ingetrokken" })).toBeVisible();
    await page.goto(`/en${verificationPath}`);
    await expect(page.getByRole("heading", { name: "This certificate has been revoked" })).toBeVisible();
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/certificates-revoked-en.png`, fullPage: true });
    await expect(page.getByText(person.name)).toBeVisible();
  });
});
