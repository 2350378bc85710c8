// Zod pieces for forms that upload a photo, usable in the browser and on the server. Messages are keys
// under "validation" (like every form's) or, for the file itself, under "uploads.refusals".
import { z } from "zod";
import { lineText } from "@/lib/text";
import { ALT_TEXT_MAX, MAX_UPLOAD_BYTES } from "./limits";

/** Alt text is required for every photo: it is what a screen reader says instead of the picture. */
export const altTextSchema = lineText().min(1, "altTextRequired").max(ALT_TEXT_MAX, "tooLong");

/** In the browser a file input gives a FileList; on the server FormData gives a File, empty when none was picked. */
function firstFile(value: unknown): unknown {
  // An empty file input may arrive as an empty string, depending on the multipart parser.
  if (value === "" || value === null) return undefined;
  if (typeof FileList !== "undefined" && value instanceof FileList) return value.item(0) ?? undefined;
  if (typeof File !== "undefined" && value instanceof File && value.size === 0 && !value.name) return undefined;
  return value;
}

const isFile = (value: unknown): value is File => typeof File !== "undefined" && value instanceof File;

/**
 * A picked file, checked for what the browser can know (there is one, it is not too big). Whether it is an
 * image is decided on the server from its bytes, never from its name or declared type.
 */
export const imageFileSchema = z.preprocess(
  firstFile,
  z
    .custom<File>(isFile, "uploadMissing")
    .refine((file) => file.size > 0, "uploadMissing")
    .refine((file) => file.size <= MAX_UPLOAD_BYTES, "uploadTooLarge"),
);

/** The same, when picking a file is optional (an edit form that keeps the current photo). */
export const optionalImageFileSchema = z.preprocess(firstFile, z.union([z.undefined(), imageFileSchema]));
