// Sums up a V8 CPU profile (node --cpu-prof) as text: where the process spent its time, by package and by
// function (self time), so that a benchmark can say where a request's CPU goes without opening DevTools.
import fs from "node:fs";
import path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** "next (server)", "react-dom", "podium: server/page-policy.ts", "(garbage collector)", "node:zlib"... */
function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return url;
  const file = url.replace(/^file:\/\//, "");
  const modules = file.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = file.slice(modules + "node_modules/".length).split("/");
    const name = rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : (rest[0] ?? "?");
    if (name === "next") return `next: ${rest.slice(1, 4).join("/")}`;
    return name;
  }
  if (file.includes("/.next/")) return `podium build: ${file.slice(file.indexOf("/.next/") + 7).split("/").slice(0, 2).join("/")}`;
  return `podium: ${path.basename(path.dirname(file))}/${path.basename(file)}`;
}

export function summariseProfile(file: string, print: (line: string) => void, top = 18): void {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const idle = [...selfUs].filter(([id]) => byId.get(id)?.callFrame.functionName === "(idle)").reduce((a, [, us]) => a + us, 0);
  const busy = total - idle;

  const packages = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node || node.callFrame.functionName === "(idle)") continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = packageOf(url, functionName);
    packages.set(where, (packages.get(where) ?? 0) + us);
    const key = `${functionName || "(anonymous)"}  [${where}${url ? `:${lineNumber + 1}` : ""}]`;
    functions.set(key, (functions.get(key) ?? 0) + us);
  }
  const share = (us: number) => `${((100 * us) / busy).toFixed(1).padStart(5)} %`;
  const list = (map: Map<string, number>) =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, top).forEach(([name, us]) => print(`  ${share(us)}  ${name}`));

  print(`\n[profile] ${path.relative(process.cwd(), file)}: ${(busy / 1e6).toFixed(1)} s busy of ${(total / 1e6).toFixed(1)} s`);
  print("[profile] self time by package or file:");
  list(packages);
  print("[profile] self time by function:");
  list(functions);
}

// Run on its own: tsx scripts/lib/profile-summary.ts <file.cpuprofile>
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  for (const file of process.argv.slice(2)) summariseProfile(file, console.log);
}
