// The camera path at the door: Chromium's fake camera plays a video of a real ticket's QR code, the host's
// page reads it from the camera (BarcodeDetector where it reads QR codes, else jsQR loaded only on this page),
// shows green, and amber when the same ticket is seen again.
//
// The video is made here, from the ticket the attendee was emailed: the qrcode package's module matrix drawn
// into raw I420 frames of a Y4M file (a text header, then per frame "FRAME\n" and the Y, U and V planes).
// Chromium reads that file only at launch, so this spec launches its own browser with the fake-camera flags.
import fs from "node:fs";
import { chromium } from "@playwright/test";
import QRCode from "qrcode";
import { DOOR_SLUG, registerAttendee, signInAsHost } from "./support/door";
import { expect, PageAuditor, test } from "./support/fixtures";

const WIDTH = 640;
const HEIGHT = 480;
const BLACK = 16; // video range luma
const WHITE = 235;

/** A still video of `text` as a QR code, centred with its quiet zone on white, a few frames long (Chromium loops it). */
function qrVideo(text: string, file: string): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const size = qr.modules.size;
  const quiet = 4;
  const scale = Math.floor((0.8 * HEIGHT) / (size + 2 * quiet));
  const left = Math.floor((WIDTH - (size + 2 * quiet) * scale) / 2) + quiet * scale;
  const top = Math.floor((HEIGHT - (size + 2 * quiet) * scale) / 2) + quiet * scale;
  const luma = Buffer.alloc(WIDTH * HEIGHT, WHITE);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (!qr.modules.data[row * size + col]) continue;
      for (let y = 0; y < scale; y++) luma.fill(BLACK, (top + row * scale + y) * WIDTH + left + col * scale, (top + row * scale + y) * WIDTH + left + (col + 1) * scale);
    }
  }
  // 4:2:0: one U and one V sample per 2×2 pixels; 128 is no colour.
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2), 128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), luma, chroma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`);
  fs.writeFileSync(file, Buffer.concat([header, ...Array.from({ length: 10 }, () => frame)]));
}

test("a ticket's QR code through the camera: green, then amber on the second scan", async ({ request }, testInfo) => {
  const code = await registerAttendee(request, "Carla Camera");
  const video = testInfo.outputPath("ticket.y4m");
  fs.mkdirSync(testInfo.outputDir, { recursive: true });
  qrVideo(code, video);

  const { launchOptions = {}, baseURL } = testInfo.project.use;
  const browser = await chromium.launch({
    ...launchOptions,
    args: [
      ...(launchOptions.args ?? []),
      "--use-fake-device-for-media-stream",
      "--use-fake-ui-for-media-stream",
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  try {
    const context = await browser.newContext({ baseURL, locale: "nl-NL", timezoneId: "America/New_York", viewport: { width: 390, height: 844 }, permissions: ["camera"] });
    const page = await context.newPage();
    const auditor = new PageAuditor([]);
    auditor.instrument(page);
    await signInAsHost(page);
    await page.goto(`/checkin/${DOOR_SLUG}`);
    const scripts = () => page.evaluate(() => performance.getEntriesByType("resource").filter((e) => e.name.endsWith(".js")).map((e) => e.name));
    const before = await scripts();

    await page.getByRole("button", { name: "Scan met camera" }).click();
    const verdict = page.getByRole("alertdialog");
    await expect(verdict).toContainText("Welkom, Carla Camera", { timeout: 15_000 });

    // Which decoder read the frame. Debian's Chromium has no QR support in BarcodeDetector, so there it is jsQR,
    // fetched as a script of its own only once the camera started.
    const decoder = await page.locator("[data-decoder]").getAttribute("data-decoder");
    const detectorReadsQr = await page.evaluate(async () => {
      const Detector = (globalThis as { BarcodeDetector?: { getSupportedFormats(): Promise<string[]> } }).BarcodeDetector;
      return Detector ? (await Detector.getSupportedFormats()).includes("qr_code") : false;
    });
    expect(decoder).toBe(detectorReadsQr ? "barcode-detector" : "jsqr");
    testInfo.annotations.push({ type: "decoder", description: decoder ?? "none" });
    if (decoder === "jsqr") expect((await scripts()).filter((s) => !before.includes(s)).length).toBeGreaterThan(0);

    // The ticket is still in front of the camera: once the short pause for the same code is over, it is read
    // again, and now it is amber.
    await page.getByRole("button", { name: "Volgende" }).click();
    await expect(verdict).toContainText(/Al ingecheckt om \d\d\.\d\d door Hanna Host/, { timeout: 15_000 });
    await page.getByRole("button", { name: "Volgende" }).click();
    await page.getByRole("button", { name: "Camera uit" }).click();
    await auditor.finish(context, true);
  } finally {
    await browser.close();
  }
});
