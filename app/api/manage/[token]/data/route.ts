import { exportByToken } from "@/lib/registrations/manage";

// "Download my data": everything held about the person behind this manage link, as a JSON file.
export async function GET(_request: Request, { params }: RouteContext<"/api/manage/[token]/data">) {
  const { token } = await params;
  const data = await exportByToken(token);
  if (!data) return Response.json({ error: "not_found" }, { status: 404 });
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="podium-aanmelding.json"',
      "Cache-Control": "no-store",
      "Referrer-Policy": "no-referrer",
    },
  });
}
