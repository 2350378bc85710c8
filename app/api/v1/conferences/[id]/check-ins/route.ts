import { apiRoute, notFound } from "@/lib/rest-api/handler";
import { pageParams } from "@/lib/rest-api/page-params";
import { listCheckIns, ownConference } from "@/lib/rest-api/resources";
import { checkInListQuerySchema } from "@/lib/rest-api/schemas";

export const GET = apiRoute<{ id: string }>("GET", "/api/v1/conferences/{id}/check-ins", async ({ caller, params, url }) => {
  const query = pageParams(checkInListQuerySchema, url);
  if (!query.ok) return query.answer;
  if (!(await ownConference(caller.organisationId, params.id))) return notFound();
  const { since, ...rest } = query.data;
  return { status: 200, body: await listCheckIns(caller.organisationId, params.id, { ...rest, since: since ? new Date(since) : undefined }) };
});
