// @ts-check
// The headers every answer carries: next.config.js adds them to everything Next serves, and the production
// server's own handler for door scans (scripts/lib/serve.ts) to what it answers itself. Plain JavaScript, as
// next.config.js requires it before any TypeScript loader runs.

/** @type {ReadonlyArray<{ key: string; value: string }>} */
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(self), microphone=(), geolocation=()" },
];

module.exports = { SECURITY_HEADERS };
