import "server-only";
import sharp, { type Metadata } from "sharp";
import { MAX_INPUT_PIXELS, MAX_UPLOAD_BYTES, STORED_MAX_WIDTH, STORED_QUALITY, type UploadRefusal } from "./limits";

export type PreparedImage = { buffer: Buffer; mimeType: "image/webp"; extension: "webp"; width: number; height: number };

// The raster formats a camera or phone produces. SVG is refused on purpose: it is a document that can carry
// script, not a picture, and a photo never needs it.
const ACCEPTED = new Set(["jpeg", "png", "webp", "gif", "heif"]);

/** The first bytes each accepted format must begin with: sharp reading a file is not enough on its own. */
function startsLike(format: string, bytes: Uint8Array): boolean {
  const ascii = (from: number, to: number) => Buffer.from(bytes.subarray(from, to)).toString("latin1");
  switch (format) {
    case "jpeg":
      return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
    case "png":
      return ascii(0, 8) === "\x89PNG\r\n\x1a\n";
    case "webp":
      return ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP";
    case "gif":
      return ascii(0, 6) === "GIF87a" || ascii(0, 6) === "GIF89a";
    case "heif":
      return ascii(4, 8) === "ftyp";
    default:
      return false;
  }
}

// Markup a browser would act on. Re-encoding drops it anyway, but an image that also parses as a web page or
// a script (a "polyglot") is made to attack someone, not to show a conference: refuse it and say so. Seven or
// more specific bytes in a row practically never occur in compressed image data by chance.
const ACTIVE_CONTENT = /<(?:script|html|body|iframe|object|embed|svg|img|a\s|meta|\?php)\b|<!doctype|javascript:/i;

/**
 * Checks an upload by its bytes and re-encodes it: turned upright by its EXIF orientation, at most
 * STORED_MAX_WIDTH wide, WebP, without any of the original's metadata (GPS position, camera serial, comments).
 * What is stored is therefore always our own encoding, never the uploaded bytes.
 */
export async function prepareImage(bytes: Uint8Array): Promise<{ ok: true; image: PreparedImage } | { ok: false; reason: UploadRefusal }> {
  if (bytes.byteLength === 0) return { ok: false, reason: "uploadMissing" };
  if (bytes.byteLength > MAX_UPLOAD_BYTES) return { ok: false, reason: "uploadTooLarge" };

  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return { ok: false, reason: "uploadNotAnImage" };
  }
  const format = metadata.format ?? "";
  if (format === "svg") return { ok: false, reason: "uploadUnsupportedType" };
  if (!ACCEPTED.has(format)) return { ok: false, reason: "uploadUnsupportedType" };
  if (!startsLike(format, bytes)) return { ok: false, reason: "uploadPolyglot" };
  if (ACTIVE_CONTENT.test(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1"))) {
    return { ok: false, reason: "uploadPolyglot" };
  }
  if (!metadata.width || !metadata.height) return { ok: false, reason: "uploadNotAnImage" };
  if (metadata.width * metadata.height > MAX_INPUT_PIXELS) return { ok: false, reason: "uploadTooManyPixels" };

  try {
    // failOn "error": a truncated or corrupt file is refused instead of stored half grey.
    const { data, info } = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" })
      .rotate()
      .resize({ width: STORED_MAX_WIDTH, withoutEnlargement: true })
      .webp({ quality: STORED_QUALITY, effort: 4 })
      .toBuffer({ resolveWithObject: true });
    return { ok: true, image: { buffer: data, mimeType: "image/webp", extension: "webp", width: info.width, height: info.height } };
  } catch {
    return { ok: false, reason: "uploadNotAnImage" };
  }
}
