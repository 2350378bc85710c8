// The API's description, public like any API documentation: it holds no data, only the shapes.
import { openApiDocument } from "@/lib/rest-api/openapi";
import { env } from "@/lib/env";

export function GET() {
  return Response.json(openApiDocument(env.APP_URL), { headers: { "Cache-Control": "public, max-age=300" } });
}
