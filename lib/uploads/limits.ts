// Limits of an uploaded photo, shared by the forms (the `accept` attribute, a quick size check before
// sending) and the server, which decides by the bytes themselves (see ./image.ts).

import { MAX_UPLOAD_BYTES } from "@/lib/request-guards";

/** The server refuses more before reading the file into memory (the request guards decide the number). */
export { MAX_UPLOAD_BYTES };
export const MAX_UPLOAD_MEGABYTES = MAX_UPLOAD_BYTES / (1024 * 1024);

/**
 * Width and height times each other, before decoding. A small file can unpack to a huge bitmap (a
 * "decompression bomb"); 50 megapixels is above any camera a conference photographer carries.
 */
export const MAX_INPUT_PIXELS = 50_000_000;

/** What we store: wide enough for a full-width cover on a large screen; next/image makes the smaller sizes. */
export const STORED_MAX_WIDTH = 2000;
export const STORED_QUALITY = 82;

/** A hint for the file picker only; the server never trusts the declared type or the file name. */
export const ACCEPTED_IMAGE_TYPES = "image/jpeg,image/png,image/webp,image/avif,image/gif";

export const ALT_TEXT_MAX = 300;

/** Why an upload was refused: each has a sentence under "uploads.refusals" in Dutch and English. */
export const UPLOAD_REFUSALS = ["uploadMissing", "uploadTooLarge", "uploadTooManyPixels", "uploadNotAnImage", "uploadUnsupportedType", "uploadPolyglot"] as const;
export type UploadRefusal = (typeof UPLOAD_REFUSALS)[number];
