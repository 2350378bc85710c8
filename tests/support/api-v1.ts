// The /api/v1 routes on a loopback server, and tokens made the way an owner makes them (the dashboard's action).
import { runAuthorized, type ActionDefinition } from "@/lib/auth/authorized-action";
import type { CurrentUser } from "@/lib/auth/session";
import { createToken } from "@/lib/api-tokens/definitions";
import * as conferences from "@/app/api/v1/conferences/route";
import * as conference from "@/app/api/v1/conferences/[id]/route";
import * as conferenceRegistrations from "@/app/api/v1/conferences/[id]/registrations/route";
import * as checkIns from "@/app/api/v1/conferences/[id]/check-ins/route";
import * as registration from "@/app/api/v1/registrations/[id]/route";
import * as cancel from "@/app/api/v1/registrations/[id]/cancel/route";
import * as workshops from "@/app/api/v1/registrations/[id]/workshops/route";
import * as speakers from "@/app/api/v1/speakers/route";
import * as venues from "@/app/api/v1/venues/route";
import * as reports from "@/app/api/v1/reports/route";
import * as openapi from "@/app/api/v1/openapi.json/route";
import { route, startApiServer } from "./api-server";

export function startApi() {
  return startApiServer([
    route("/api/v1/openapi.json", openapi),
    route("/api/v1/conferences", conferences),
    route("/api/v1/conferences/[id]", conference),
    route("/api/v1/conferences/[id]/registrations", conferenceRegistrations),
    route("/api/v1/conferences/[id]/check-ins", checkIns),
    route("/api/v1/registrations/[id]", registration),
    route("/api/v1/registrations/[id]/cancel", cancel),
    route("/api/v1/registrations/[id]/workshops", workshops),
    route("/api/v1/speakers", speakers),
    route("/api/v1/venues", venues),
    route("/api/v1/reports", reports),
  ]);
}

type AnyDefinition = ActionDefinition<never, unknown, string>;

/** A token made through the owner's dashboard action; its secret as the page shows it once. */
export async function makeToken(owner: CurrentUser, organisationId: string, scope: "READ" | "READ_WRITE", expiresInDays = ""): Promise<{ id: string; secret: string }> {
  const outcome = await runAuthorized(createToken as unknown as AnyDefinition, owner, { organisationId, name: `Koppeling ${scope}`, scope, expiresInDays });
  if (!outcome.ok) throw new Error(`token not made: ${outcome.reason}`);
  const { tokenId, secret } = outcome.data as { tokenId: string; secret: string };
  return { id: tokenId, secret };
}
