// eslint-config-next 16 ships flat configs: spread them, as its documentation shows.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

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
