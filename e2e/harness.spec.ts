// Tests of the e2e harness itself, so that a silently broken accessibility check or mail sink cannot make
// every other spec pass for the wrong reason. Pages here are served by route mocks on the app's origin.
import nodemailer from "nodemailer";
import { expect, PageAuditor, test } from "./support/fixtures";
import { waitForMail } from "./support/mail";
import { PORTS } from "../scripts/lib/ports";

const page = (lang: string, body: string) =>
  `<!doctype html><html${lang}><head><title>probe</title></head><body><main><h1>probe</h1>${body}</main></body></html>`;

const probes: Record<string, string> = {
  "/harness/clean": page(' lang="nl"', '<a href="/harness/broken">verder</a>'),
  // No lang (serious) and an image without alt text (critical).
  "/harness/broken": page("", '<img src="/nowhere.png"><a href="/harness/after">verder</a>'),
  "/harness/after": page(' lang="nl"', ""),
};

test.describe("accessibility audit", () => {
  // A context of its own, so the fixture's audit of the test's own page stays out of the way.
  test("reports pages reached by goto and by clicks, and only the inaccessible one", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL });
    await context.route("**/harness/**", (route) => {
      const body = probes[new URL(route.request().url()).pathname];
      return body ? route.fulfill({ contentType: "text/html", body }) : route.fulfill({ status: 404 });
    });
    const auditor = new PageAuditor([]);
    const page = await context.newPage();
    auditor.instrument(page);

    await page.goto("/harness/clean");
    // Clicked through, not opened with goto: the audit reaches it by revisiting its URL at the end.
    await page.getByRole("link", { name: "verder" }).click();
    await expect(page).toHaveURL(/\/harness\/broken$/);
    await page.getByRole("link", { name: "verder" }).click();
    await expect(page).toHaveURL(/\/harness\/after$/);

    const report = await auditor.finish(context, true).then(
      () => "no error",
      (error: unknown) => String(error),
    );
    await context.close();
    expect(report).toContain("violations on 1 page(s)");
    expect(report).toContain("/harness/broken");
    expect(report).toContain("[critical] image-alt");
    expect(report).toContain("[serious] html-has-lang");
  });
});

test("the SMTP sink receives mail and serves it to waitForMail", async () => {
  const to = `harness-${Date.now()}@example.test`;
  await nodemailer.createTransport(`smtp://127.0.0.1:${PORTS.smtp}`).sendMail({
    from: "noreply@podium.test",
    to,
    subject: "Bevestiging van je aanmelding",
    text: "Tot ziens!",
  });
  const mail = await waitForMail({ to, subject: "Bevestiging" }, 5_000);
  expect(mail.text.trim()).toBe("Tot ziens!");
});
