// Runs in the browser before the app's own code (Next's instrumentation-client convention).
//
// zod compiles its object validators with new Function() when it may, and finds out whether it may by trying
// Function("") once. The pages' Content-Security-Policy allows no eval (lib/security-headers.js), so that try
// is refused, and the browser reports it as a violation on every page with a validated form. Told beforehand,
// zod validates without compiling and never tries. (The server has no such policy: there it compiles.)
// Through the global object behind zod's config(), not config() itself: importing that from zod put 7 KB of
// gzipped JavaScript on every page. lib/csp/zod-without-eval.test.ts checks that zod reads it.
const slot = globalThis as { __zod_globalConfig?: Record<string, unknown> };
Object.assign((slot.__zod_globalConfig ??= {}), { jitless: true });
export {};
