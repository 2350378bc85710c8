import { apiRoute } from "@/lib/rest-api/handler";
import { pageParams } from "@/lib/rest-api/page-params";
import { listVenues } from "@/lib/rest-api/resources";
import { pageQuerySchema } from "@/lib/rest-api/schemas";

export const GET = apiRoute<Record<string, never>>("GET", "/api/v1/venues", async ({ caller, url }) => {
  const page = pageParams(pageQuerySchema, url);
  if (!page.ok) return page.answer;
  return { status: 200, body: await listVenues(caller.organisationId, page.data) };
});
