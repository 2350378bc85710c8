// What a benchmark started, stopped again in reverse order, once: on success, on failure and on Ctrl-C.
// Each benchmark registers its servers here as it starts them (cleanups.push) and ends with shutdown(code).
export const cleanups: Array<{ name: string; run: () => Promise<void> }> = [];

let shuttingDown: Promise<never> | undefined;

export function shutdown(code: number): Promise<never> {
  return (shuttingDown ??= (async () => {
    for (const cleanup of cleanups.reverse()) {
      await cleanup.run().catch((error: unknown) => console.error(`[bench] stopping ${cleanup.name} failed: ${String(error)}`));
    }
    process.exit(code);
  })());
}

for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143], ["SIGHUP", 129]] as const) {
  process.on(signal, () => void shutdown(code));
}
