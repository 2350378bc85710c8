import { apiRoute, notFound } from "@/lib/rest-api/handler";
import { conferenceOf } from "@/lib/rest-api/resources";

export const GET = apiRoute<{ id: string }>("GET", "/api/v1/conferences/{id}", async ({ caller, params }) => {
  const conference = await conferenceOf(caller.organisationId, params.id);
  return conference ? { status: 200, body: conference } : notFound();
});
