import { apiRoute, notFound } from "@/lib/rest-api/handler";
import { registrationOf } from "@/lib/rest-api/resources";

export const GET = apiRoute<{ id: string }>("GET", "/api/v1/registrations/{id}", async ({ caller, params }) => {
  const registration = await registrationOf(caller.organisationId, params.id);
  return registration ? { status: 200, body: registration } : notFound();
});
