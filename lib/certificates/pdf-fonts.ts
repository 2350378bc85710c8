// The certificate's typeface: Source Sans 3, the brand font, from @fontsource/source-sans-3. Its files are split by
// unicode range like the web's subsets: "latin" holds Dutch and the rest of Latin-1 (and the Turkish dotless ı),
// "latin-ext" the letters of Polish, Turkish, Czech, Romanian and so on (Ł, ś, Ş, ğ, č, ĳ). A name such as
// "Łukasz Wiśniewski" therefore needs both: each text is drawn as runs, each in the subset that has its
// characters, the latin face standing in for a character neither has.
//
// The .woff files, not the .woff2: fontkit 2.0.4 reads WOFF2 but breaks when pdfkit subsets its composite glyphs
// (a RangeError in its TTF subsetter as the PDF ends).
//
// Read from node_modules beside the working directory: pdfkit stays outside the server bundle (next.config.js),
// and `next start`, `npm start` and the tests all run from the project's root.
import { readFile } from "node:fs/promises";
import path from "node:path";
import * as fontkit from "fontkit";

export type Weight = "regular" | "semibold";
const SUBSETS = ["latin", "latin-ext"] as const;
const WEIGHTS: Record<Weight, number> = { regular: 400, semibold: 600 };
const FILES = path.join(process.cwd(), "node_modules", "@fontsource", "source-sans-3", "files");

interface Face {
  /** The name the face is registered under in a PDF document. */
  name: string;
  file: Buffer;
  font: fontkit.Font;
}
/** Per weight, the faces in the order they are tried: latin first, so a space or a digit stays in it. */
export type Faces = Record<Weight, Face[]>;

let loading: Promise<Faces> | null = null;

async function loadFace(weight: Weight, subset: (typeof SUBSETS)[number]): Promise<Face> {
  const file = await readFile(path.join(FILES, `source-sans-3-${subset}-${WEIGHTS[weight]}-normal.woff`));
  return { name: `SourceSans3-${WEIGHTS[weight]}-${subset}`, file, font: fontkit.create(file) };
}

/** The four faces, read once per process. */
export function certificateFaces(): Promise<Faces> {
  loading ??= (async () => ({
    regular: await Promise.all(SUBSETS.map((subset) => loadFace("regular", subset))),
    semibold: await Promise.all(SUBSETS.map((subset) => loadFace("semibold", subset))),
  }))().catch((error: unknown) => {
    loading = null; // a failed read is tried again by the next certificate
    throw error;
  });
  return loading;
}

export interface Run {
  /** The registered name of the face to draw `text` in. */
  font: string;
  text: string;
}

/** `text` split into runs of consecutive characters that the same face draws. */
export function fontRuns(text: string, faces: Face[]): Run[] {
  const fallback = faces[0];
  if (!fallback) throw new Error("no faces");
  const runs: Run[] = [];
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    const face = faces.find((candidate) => candidate.font.hasGlyphForCodePoint(codePoint)) ?? fallback;
    const last = runs.at(-1);
    if (last?.font === face.name) last.text += char;
    else runs.push({ font: face.name, text: char });
  }
  return runs;
}
