import { apiRoute } from "@/lib/rest-api/handler";
import { cancelRegistration } from "@/lib/rest-api/registration-writes";

export const POST = apiRoute<{ id: string }>("POST", "/api/v1/registrations/{id}/cancel", ({ caller, params }) => cancelRegistration(caller, params.id));
