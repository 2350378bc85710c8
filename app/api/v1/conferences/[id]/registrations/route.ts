import { apiRoute, notFound } from "@/lib/rest-api/handler";
import { pageParams } from "@/lib/rest-api/page-params";
import { createRegistration } from "@/lib/rest-api/registration-writes";
import { listRegistrations, ownConference } from "@/lib/rest-api/resources";
import { registrationListQuerySchema } from "@/lib/rest-api/schemas";

export const GET = apiRoute<{ id: string }>("GET", "/api/v1/conferences/{id}/registrations", async ({ caller, params, url }) => {
  const query = pageParams(registrationListQuerySchema, url);
  if (!query.ok) return query.answer;
  if (!(await ownConference(caller.organisationId, params.id))) return notFound();
  const { modified_since, ...rest } = query.data;
  return { status: 200, body: await listRegistrations(caller.organisationId, params.id, { ...rest, modifiedSince: modified_since ? new Date(modified_since) : undefined }) };
});

export const POST = apiRoute<{ id: string }>("POST", "/api/v1/conferences/{id}/registrations", ({ caller, params, body, idempotencyKey }) =>
  createRegistration(caller, params.id, body, idempotencyKey),
);
