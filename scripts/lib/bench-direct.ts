// The rush benchmark's second half: the same registration transaction driven straight at PostgreSQL, from
// one process without HTTP or Next in between. Started by scripts/bench-rush.ts as a child process with
// `tsx --tsconfig scripts/lib/tsconfig.server-only.json` (which maps "server-only", a marker that throws
// outside Next's react-server build, to its empty module), so it runs lib/places unchanged.
// Input: BENCH_DIRECT (JSON, see DirectJob) and DATABASE_URL in the environment. Output: one JSON line.
import type { RushPlan } from "./bench-plan";

export interface DirectJob {
  plan: RushPlan;
  warmup: RushPlan;
  concurrency: number;
}

export interface DirectResult {
  elapsedMs: number;
  latenciesMs: number[];
  outcomes: Record<string, number>;
  /** CPU this process used during the measured rush. */
  processCpuMs: number;
  /** The mail worker's part afterwards: writing every queued email of the run from its draft. */
  drafts: { rendered: number; elapsedMs: number; processCpuMs: number };
}

// BENCH_CPU_PROFILE=<file>: a V8 CPU profile of the measured rush (open it in Chrome's DevTools), to see
// where a registration's CPU goes. Node refuses --cpu-prof in NODE_OPTIONS, hence the inspector.
async function startProfile() {
  const { Session } = await import("node:inspector");
  const { writeFileSync } = await import("node:fs");
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))));
  await post("Profiler.enable");
  await post("Profiler.start");
  return {
    async stopTo(file: string) {
      const result = (await post("Profiler.stop")) as { profile: unknown };
      writeFileSync(file, JSON.stringify(result.profile));
      session.disconnect();
    },
  };
}

async function main(): Promise<void> {
  const job = JSON.parse(process.env.BENCH_DIRECT ?? "null") as DirectJob | null;
  if (!job) throw new Error("BENCH_DIRECT is not set: run this through npm run bench:rush");
  const { concurrency } = job;
  // Imported only now: lib/db.ts reads DATABASE_URL when first used.
  const { signUp } = await import("@/lib/places/mutations");
  const { registrationSchema } = await import("@/lib/registrations/schema");
  const { db } = await import("@/lib/db");
  const { registrationBody } = await import("./bench-plan");

  async function rush(plan: RushPlan) {
    const latenciesMs: number[] = [];
    const outcomes: Record<string, number> = {};
    let next = 0;
    const worker = async () => {
      // Bounded: each worker takes the next index until the plan's total is reached.
      while (next < plan.total) {
        const index = next++;
        const started = performance.now();
        let outcome: string;
        try {
          // Parsed as the API parses it, then the same domain call the route handler makes.
          const input = registrationSchema.parse(registrationBody(plan, index));
          const result = await signUp(plan.slug, input, { idempotencyKey: `${plan.run}-${index}` });
          outcome = result.ok ? "ok" : result.reason;
        } catch (error) {
          outcome = `error: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
        }
        latenciesMs.push(performance.now() - started);
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, worker));
    return { elapsedMs: performance.now() - started, latenciesMs, outcomes };
  }

  await rush(job.warmup);
  // The parent starts its CPU accounting on this line.
  process.stdout.write("measuring\n");
  const profile = process.env.BENCH_CPU_PROFILE ? await startProfile() : undefined;
  const cpu = process.cpuUsage();
  const measured = await rush(job.plan);
  const used = process.cpuUsage(cpu);
  if (profile && process.env.BENCH_CPU_PROFILE) await profile.stopTo(process.env.BENCH_CPU_PROFILE);

  // The parent counts PostgreSQL's CPU for this part from this line on.
  process.stdout.write("rendering\n");
  const { renderAllDrafts } = await import("@/lib/registrations/draft-emails");
  const renderCpu = process.cpuUsage();
  const renderStarted = performance.now();
  const rendered = await renderAllDrafts();
  const renderUsed = process.cpuUsage(renderCpu);
  const drafts = { rendered, elapsedMs: performance.now() - renderStarted, processCpuMs: (renderUsed.user + renderUsed.system) / 1000 };
  const result: DirectResult = { ...measured, processCpuMs: (used.user + used.system) / 1000, drafts };
  await db.$disconnect();
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
