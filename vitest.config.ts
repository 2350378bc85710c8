import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// A non-UTC zone (with DST on other dates than Amsterdam's) so code that forgets Europe/Amsterdam fails.
// Set before anything reads the clock: workers inherit this process's environment.
process.env.TZ = "America/New_York";

const root = fileURLToPath(new URL("./", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: root },
      // Outside Next's react-server build "server-only" throws on import; in tests it is only a marker.
      { find: /^server-only$/, replacement: `${root}node_modules/server-only/empty.js` },
    ],
  },
  test: {
    env: { TZ: "America/New_York" },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.{ts,tsx}"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/setup/database.ts"],
          // Files share one database and the machine has 2 cores: run them one after another.
          fileParallelism: false,
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
