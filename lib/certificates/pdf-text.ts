// Text on the certificate in the brand font, laid out here rather than by pdfkit: a line in two faces (see
// pdf-fonts.ts) is drawn as several fragments, and pdfkit's own `continued: true` aligns each fragment on its own,
// so a centred "Łukasz Wiśniewski" came out as pieces drawn over each other. Here a text is broken into lines by
// the width of its words, each line measured across its runs and placed left, centred or right as a whole.
import type PDFDocument from "pdfkit";
import { fontRuns, type Faces, type Run, type Weight } from "./pdf-fonts";

type Doc = InstanceType<typeof PDFDocument>;

export interface TextStyle {
  weight: Weight;
  size: number;
  color: string;
  /** The column: from `x` (default the document's x), `width` wide. */
  x?: number;
  y?: number;
  width: number;
  align?: "left" | "center" | "right";
}

export function registerFaces(doc: Doc, faces: Faces): void {
  for (const face of [...faces.regular, ...faces.semibold]) doc.registerFont(face.name, face.file);
}

function widthOf(doc: Doc, runs: Run[]): number {
  return runs.reduce((sum, run) => sum + doc.font(run.font).widthOfString(run.text), 0);
}

/** Breaks `text` at its newlines and, where a line is wider than `width`, between words. */
function lines(doc: Doc, text: string, faces: Faces[Weight], width: number): Run[][] {
  const result: Run[][] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(" ")) {
      const longer = line ? `${line} ${word}` : word;
      if (line && widthOf(doc, fontRuns(longer, faces)) > width) {
        result.push(fontRuns(line, faces));
        line = word;
      } else {
        line = longer;
      }
    }
    result.push(fontRuns(line, faces));
  }
  return result;
}

/** Draws `text` and leaves the document's position below it, at the column's left edge. */
export function writeText(doc: Doc, faces: Faces, text: string, style: TextStyle): void {
  const set = faces[style.weight];
  const x = style.x ?? doc.x;
  let y = style.y ?? doc.y;
  doc.fontSize(style.size).fillColor(style.color);
  doc.font(set[0]!.name);
  const lineHeight = doc.currentLineHeight(true);
  const bottom = doc.page.height - doc.page.margins.bottom;
  for (const runs of lines(doc, text, set, style.width)) {
    if (y + lineHeight > bottom) {
      doc.addPage();
      y = doc.page.margins.top;
    }
    const width = widthOf(doc, runs);
    let left = style.align === "center" ? x + (style.width - width) / 2 : style.align === "right" ? x + style.width - width : x;
    for (const run of runs) {
      doc.font(run.font).text(run.text, left, y, { lineBreak: false });
      left += doc.widthOfString(run.text);
    }
    y += lineHeight;
  }
  doc.font(set[0]!.name);
  doc.x = x;
  doc.y = y;
}
