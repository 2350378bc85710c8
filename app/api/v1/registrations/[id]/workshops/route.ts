import { apiRoute } from "@/lib/rest-api/handler";
import { moveRegistration } from "@/lib/rest-api/registration-writes";

export const PUT = apiRoute<{ id: string }>("PUT", "/api/v1/registrations/{id}/workshops", ({ caller, params, body }) => moveRegistration(caller, params.id, body));
