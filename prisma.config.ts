// Prisma 7 CLI configuration. Only `prisma generate` runs here (see ../shared/stack-notes.md): migrations are
// created and checked with scripts/prisma6.ts and applied at start-up by scripts/lib/migrate.ts.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
