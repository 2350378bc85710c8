// eslint-config-next 16 ships flat configs: spread them, as its documentation shows.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Layers of lib/ (issue 13): the platform (database, environment, mail, cache, time, addresses, translations,
// text, tokens...) knows nothing of conferences; lib/auth (who is signed in, and what they may do) builds on the
// platform alone; the editors' kit (editor, exports, uploads) on those two; the domains on all of them. Nothing
// in lib/ or components/ imports a page of app/. lib/layers.test.ts also keeps lib/ free of cycles.
const DOMAINS = ["announcements", "api-tokens", "attendance", "certificates", "checkin", "conferences", "dossiers", "feedback", "newsletter", "organisations", "places", "programme", "questions", "registrations", "reports", "rest-api", "retention", "speakers", "venues", "webhooks"];
const KIT = ["editor", "exports", "uploads"];
const imports = (folders) => folders.flatMap((folder) => [`@/lib/${folder}`, `@/lib/${folder}/*`]);
const noAppImports = { group: ["@/app", "@/app/*"], message: "lib/ and components/ never import app/: pages compose lib/, not the other way round." };
// Relative imports that climb out of a lib/ folder would pass the layer rules unseen.
const noClimbing = { group: ["../*"], message: "Import another lib/ folder as @/lib/<folder>, so that the layer rules see it." };
const layer = (folders, message) => ({
  "no-restricted-imports": ["error", { patterns: [noAppImports, noClimbing, { group: imports(folders), message }] }],
});

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // Plain-JS CommonJS files (next.config.js loads lib/env.ts through tsx's require) have no other way to
    // import; TypeScript sources are still held to ES imports.
    files: ["**/*.{js,cjs}"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Playwright fixtures receive a callback named `use`, which the React rule mistakes for React's use().
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    files: ["lib/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    ignores: ["lib/generated/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [noAppImports] }] },
  },
  {
    files: ["lib/*/**/*.{ts,tsx}"],
    ignores: ["lib/generated/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [noAppImports, noClimbing] }] },
  },
  {
    // The platform: every lib/ file and folder that is not auth, the kit or a domain.
    files: ["lib/**/*.{ts,tsx,js}"],
    ignores: ["lib/generated/**", "lib/auth/**", ...KIT.map((f) => `lib/${f}/**`), ...DOMAINS.map((f) => `lib/${f}/**`), "lib/**/*.test.ts"],
    rules: layer(["auth", ...KIT, ...DOMAINS], "The platform layer imports no domain, nor auth or the editors' kit: pass what it needs in (see lib/mail/worker.ts's draft writers)."),
  },
  {
    files: ["lib/auth/**/*.{ts,tsx}"],
    ignores: ["lib/**/*.test.ts"],
    rules: layer([...KIT, ...DOMAINS], "lib/auth builds on the platform alone."),
  },
  {
    files: [...KIT.map((f) => `lib/${f}/**/*.{ts,tsx}`), "components/ui/**", "components/editor/**", "components/site/**", "components/*.tsx"],
    ignores: ["lib/**/*.test.ts", "components/**/*.test.{ts,tsx}"],
    rules: layer(DOMAINS, "Shared building blocks import no domain: the domain passes its data and actions in."),
  },
  globalIgnores([
    // .next and any other Next dist dir (a second build output, e.g. .next-lead, kept beside it).
    ".next*/**",
    "node_modules/**",
    "lib/generated/**",
    ".data/**",
    ".tmp/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
]);
