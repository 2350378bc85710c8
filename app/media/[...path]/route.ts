// Uploaded images, served from UPLOADS_DIR. Only image types we produce are served, always with their own
// content type, never sniffed or executed, and no path can leave the uploads directory.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";

const TYPES: Record<string, string> = {
  ".webp": "image/webp",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
  ".avif": "image/avif",
};

const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });

export async function GET(_request: Request, { params }: RouteContext<"/media/[...path]">) {
  const { path: segments } = await params;
  const root = path.resolve(env.UPLOADS_DIR);
  const file = path.resolve(root, ...segments);
  if (!file.startsWith(root + path.sep)) return notFound();
  const type = TYPES[path.extname(file).toLowerCase()];
  if (!type) return notFound();
  try {
    const info = await stat(file);
    if (!info.isFile()) return notFound();
    const body = await readFile(file);
    return new Response(new Uint8Array(body), {
      headers: {
        "Content-Type": type,
        "Content-Length": String(body.byteLength),
        "Cache-Control": "public, max-age=86400",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "Content-Disposition": "inline",
      },
    });
  } catch {
    return notFound();
  }
}
