import { databaseHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const database = await databaseHealth({ fresh: true });
  const body = {
    status: database.ok ? "ok" : "unavailable",
    app: { ok: true, uptimeSeconds: Math.round(process.uptime()) },
    // The reason stays in the server log; the public answer only says whether it works.
    database: database.ok ? { ok: true, latencyMs: database.latencyMs } : { ok: false },
  };
  if (!database.ok) console.error("[health] database unreachable:", database.error);
  return Response.json(body, {
    status: database.ok ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
