// How the production server is started, by `npm start` and by every test and benchmark that runs it.
//
// With tsx's CommonJS hook only (`--require tsx/cjs`), never its ESM loader (`tsx file` or `--import tsx`).
// An ESM loader hook runs on a thread of its own, and every dynamic import() is resolved through it; Next
// imports the cache handler (lib/cache/cluster-cache-handler.js) with import() on every request, so under
// the ESM loader each request waited for a message round trip between threads. Measured with the rush
// benchmark's --cpu-prof: postMessage to the loader thread was the largest single item of a sign-up's CPU.
import path from "node:path";

/** [command, args] that start the production server from the repository root `root`. */
export function startCommand(root: string, nodeOptions: readonly string[] = []): [string, string[]] {
  return [process.execPath, [...nodeOptions, "--require", "tsx/cjs", path.join(root, "scripts", "start.ts")]];
}
