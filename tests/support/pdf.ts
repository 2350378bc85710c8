// Reading a PDF back in tests, offline, with Debian's poppler-utils (pdftotext, pdfimages, pdftoppm; .ci/run
// installs it): the text as a person would copy it, the images in it, and a page rendered to PNG to look at.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

async function withFile<T>(pdf: Uint8Array, work: (file: string, dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), "podium-pdf-"));
  try {
    const file = path.join(dir, "document.pdf");
    await writeFile(file, pdf);
    return await work(file, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The text of every page, in reading order (pdftotext -layout keeps a table's row on one line). */
export function pdfText(pdf: Uint8Array): Promise<string> {
  return withFile(pdf, async (file) => (await run("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"])).stdout);
}

/** The pages' size in points and how many there are (pdfinfo). */
export function pdfInfo(pdf: Uint8Array): Promise<{ pages: number; width: number; height: number }> {
  return withFile(pdf, async (file) => {
    const { stdout } = await run("pdfinfo", [file]);
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(stdout);
    const pages = /Pages:\s+(\d+)/.exec(stdout);
    return { pages: Number(pages?.[1] ?? 0), width: Number(size?.[1] ?? 0), height: Number(size?.[2] ?? 0) };
  });
}

/** The images drawn in the PDF, by their pixel size (pdfimages -list). */
export function pdfImages(pdf: Uint8Array): Promise<Array<{ width: number; height: number }>> {
  return withFile(pdf, async (file) => {
    const { stdout } = await run("pdfimages", ["-list", file]);
    return stdout
      .split("\n")
      .slice(2)
      .map((line) => line.trim().split(/\s+/))
      .filter((cells) => cells.length > 5 && cells[2] === "image")
      .map((cells) => ({ width: Number(cells[3]), height: Number(cells[4]) }));
  });
}

/** The first page as a PNG (pdftoppm), at `dpi`. */
export function pdfPagePng(pdf: Uint8Array, dpi = 72): Promise<Buffer> {
  return withFile(pdf, async (file, dir) => {
    await run("pdftoppm", ["-png", "-r", String(dpi), "-f", "1", "-l", "1", "-singlefile", file, path.join(dir, "page")]);
    return readFile(path.join(dir, "page.png"));
  });
}

/** The fonts the PDF uses, by their base name without the subset prefix (pdffonts). */
export function pdfFonts(pdf: Uint8Array): Promise<string[]> {
  return withFile(pdf, async (file) => {
    const { stdout } = await run("pdffonts", [file]);
    const names = stdout.split("\n").slice(2).flatMap((line) => line.trim().split(/\s+/).slice(0, 1)).filter(Boolean);
    return [...new Set(names.map((name) => name.replace(/^[A-Z]{6}\+/, "")))].sort();
  });
}
