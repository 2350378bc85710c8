// npm run db:migrate: applies pending migrations to $DATABASE_URL with the run-time runner (no Prisma CLI).
import { applyMigrations } from "./lib/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set: say which database, e.g. DATABASE_URL=postgresql://... npm run db:migrate");
  process.exit(64);
}

applyMigrations(url, (m) => console.log(m)).then(
  (applied) => {
    console.log(applied.length ? `Applied ${applied.length} migration(s).` : "Nothing to apply.");
    process.exit(0);
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
