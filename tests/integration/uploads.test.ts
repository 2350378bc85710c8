import { readFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { MAX_UPLOAD_BYTES } from "@/lib/uploads/limits";
import { discardPhotoFile, storeUploadedPhoto } from "@/lib/uploads/store";
import { messages } from "@/messages";
import { createOrganisation, type TestOrganisation } from "../support/organisation-factories";

// Uploads are judged by their bytes: real photos are re-encoded to WebP without their metadata; anything else
// (a drawing that can carry script, a web page with a photo's name, a photo with a web page hidden in it, a
// file too large) is refused with a sentence in both languages, and leaves neither a file nor a row behind.

let organisation: TestOrganisation;
const stored: string[] = [];

beforeAll(async () => {
  organisation = await createOrganisation();
});
afterAll(async () => {
  await Promise.all(stored.map(discardPhotoFile));
  await db.$disconnect();
});

function upload(bytes: Uint8Array | string, name: string, type: string) {
  return storeUploadedPhoto({
    organisationId: organisation.id,
    file: new File([typeof bytes === "string" ? bytes : new Uint8Array(bytes)], name, { type }),
    altText: "Een zaal vol mensen die luisteren naar een spreker.",
  });
}

const photoCount = () => db.photo.count({ where: { organisationId: organisation.id } });

async function picture(format: "png" | "jpeg", width: number, height: number): Promise<Buffer> {
  const base = sharp({ create: { width, height, channels: 3, background: { r: 20, g: 110, b: 120 } } });
  // The JPEG carries EXIF as a camera would (the camera make), to prove it is stripped.
  return format === "png"
    ? base.png().toBuffer()
    : base.jpeg({ quality: 90 }).withExifMerge({ IFD0: { Make: "PodiumCam", Copyright: "Geheim" } }).toBuffer();
}

describe("storeUploadedPhoto", () => {
  it("re-encodes a PNG to WebP at most 2000 wide, with the row next/image needs", async () => {
    const result = await upload(await picture("png", 3000, 1500), "zaal.png", "image/png");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    stored.push(result.photo.file);
    expect(result.photo).toMatchObject({ width: 2000, height: 1000, altText: "Een zaal vol mensen die luisteren naar een spreker." });
    expect(result.photo.file).toMatch(/^photos\/[A-Za-z0-9_-]{22}\.webp$/);
    expect(result.photo.src).toBe(`/media/${result.photo.file}`);
    const bytes = await readFile(path.join(path.resolve(env.UPLOADS_DIR), result.photo.file));
    const meta = await sharp(bytes).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 2000, height: 1000 });
    const row = await db.photo.findUniqueOrThrow({ where: { id: result.photo.id } });
    expect(row).toMatchObject({ organisationId: organisation.id, mimeType: "image/webp", bytes: bytes.byteLength });
  });

  it("re-encodes a JPEG (whatever its name says) and drops its metadata", async () => {
    const jpeg = await picture("jpeg", 800, 600);
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const result = await upload(jpeg, "foto.png", "image/png");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    stored.push(result.photo.file);
    expect(result.photo).toMatchObject({ width: 800, height: 600 });
    const bytes = await readFile(path.join(path.resolve(env.UPLOADS_DIR), result.photo.file));
    const meta = await sharp(bytes).metadata();
    expect(meta.format).toBe("webp");
    expect(meta.exif).toBeUndefined();
    expect(bytes.includes(Buffer.from("PodiumCam"))).toBe(false);
  });

  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>`;
  const html = `<!doctype html><html><body><script>alert(document.cookie)</script></body></html>`;

  type Case = [string, () => string | Buffer | Promise<Buffer>, string, string, string];
  it.each<Case>([
    ["an SVG", () => svg, "tekening.svg", "image/svg+xml", "uploadUnsupportedType"],
    ["an SVG named .png", () => svg, "tekening.png", "image/png", "uploadUnsupportedType"],
    ["an HTML page named .jpg", () => html, "foto.jpg", "image/jpeg", "uploadNotAnImage"],
    [
      "a PNG with a web page after its end (a polyglot)",
      async () => Buffer.concat([await picture("png", 40, 40), Buffer.from(html)]),
      "polyglot.png",
      "image/png",
      "uploadPolyglot",
    ],
    [
      "a JPEG with script in a comment (a polyglot)",
      async () => {
        const jpeg = await picture("jpeg", 40, 40);
        // A COM segment right after SOI: still a valid JPEG, and a script tag to any browser that sniffs.
        const comment = Buffer.from("*/<script>alert(1)</script>/*");
        const segment = Buffer.concat([Buffer.from([0xff, 0xfe, 0, comment.length + 2]), comment]);
        return Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]);
      },
      "polyglot.jpg",
      "image/jpeg",
      "uploadPolyglot",
    ],
    ["an empty file", () => "", "leeg.jpg", "image/jpeg", "uploadMissing"],
  ])("refuses %s", async (_label, bytes, name, type, reason) => {
    const before = await photoCount();
    const result = await upload(await bytes(), name, type);
    expect(result).toEqual({ ok: false, reason });
    expect(await photoCount()).toBe(before);
  });

  it("refuses a file over 10 MB before reading it, even a real picture", async () => {
    const big = Buffer.concat([await picture("png", 10, 10), Buffer.alloc(MAX_UPLOAD_BYTES)]);
    const before = await photoCount();
    expect(await upload(big, "groot.png", "image/png")).toEqual({ ok: false, reason: "uploadTooLarge" });
    expect(await photoCount()).toBe(before);
  });

  it("has a clear sentence in Dutch and English for every refusal", () => {
    for (const reason of ["altTextRequired", "uploadMissing", "uploadTooLarge", "uploadTooManyPixels", "uploadNotAnImage", "uploadUnsupportedType", "uploadPolyglot"] as const) {
      expect(messages.nl.validation[reason].length).toBeGreaterThan(20);
      expect(messages.en.validation[reason].length).toBeGreaterThan(20);
    }
  });
});
