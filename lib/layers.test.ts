// No two lib/ folders import each other, directly or round a circle (issue 13): a circle is where a change to
// one domain breaks another that seemed unrelated. ESLint (eslint.config.mjs) holds the layers; this holds
// the order among folders of the same layer, which a list of forbidden imports cannot.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const LIB = path.resolve(__dirname);
const IMPORT = /(?:import|export)\s[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

// "lib/places/mutations.ts" → "places"; "lib/text.ts" → "text".
function folderOf(file: string): string {
  const [first] = path.relative(LIB, file).split(path.sep);
  return (first ?? "").replace(/\.(ts|tsx|js)$/, "");
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" ? [] : sources(full);
    return /\.(ts|tsx|js)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sources(LIB)) {
    const from = folderOf(file);
    for (const match of readFileSync(file, "utf8").matchAll(IMPORT)) {
      const spec = match[1] ?? match[2] ?? "";
      let to: string | null = null;
      if (spec.startsWith("@/lib/")) to = spec.slice("@/lib/".length).split("/")[0] ?? null;
      else if (spec.startsWith(".")) to = folderOf(path.resolve(path.dirname(file), spec));
      if (!to || to === from || to === "generated") continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from)!.add(to);
    }
  }
  return graph;
}

function findCycle(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, "open" | "done">();
  const trail: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === "done") return null;
    if (state.get(node) === "open") return [...trail.slice(trail.indexOf(node)), node];
    state.set(node, "open");
    trail.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    trail.pop();
    state.set(node, "done");
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

describe("lib/ folders", () => {
  const graph = folderGraph();

  it("are read with their imports (the check sees the edges it should)", () => {
    expect(graph.get("registrations")).toContain("places");
    expect(graph.get("checkin")).toContain("db");
  });

  it("import each other without a cycle", () => {
    expect(findCycle(graph)).toBeNull();
  });

  it("finds a cycle when there is one", () => {
    const withCycle = new Map(graph);
    withCycle.set("places", new Set([...(graph.get("places") ?? []), "registrations"]));
    expect(findCycle(withCycle)).not.toBeNull();
  });
});
