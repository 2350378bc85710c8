// POST a walk-in: registered within capacity and checked in at once. Online only: capacity is decided here.
// GET: the workshops a walk-in can be given now, with their places left, for the walk-in form.
import { bilingual, jsonError, readJsonBody } from "@/lib/api/json";
import { invalid, json, withCheckInAccess } from "@/lib/checkin/http";
import { walkInSchema } from "@/lib/checkin/schema";
import { registerWalkIn, walkInRounds } from "@/lib/checkin/walk-in";

export async function GET(request: Request, { params }: RouteContext<"/api/checkin/[conferenceSlug]/walk-ins">) {
  const { conferenceSlug } = await params;
  return withCheckInAccess(request, conferenceSlug, async ({ conference }) => json({ rounds: await walkInRounds(conference.id) }));
}

export async function POST(request: Request, { params }: RouteContext<"/api/checkin/[conferenceSlug]/walk-ins">) {
  const { conferenceSlug } = await params;
  return withCheckInAccess(request, conferenceSlug, async ({ conference, host }) => {
    const read = await readJsonBody(request, 4096);
    if (!read.ok) return read.response;
    const parsed = walkInSchema.safeParse(read.body);
    if (!parsed.success) {
      return invalid(parsed.error.issues);
    }
    const locale = request.headers.get("accept-language")?.startsWith("en") ? "en" : "nl";
    const outcome = await registerWalkIn(conference, parsed.data, host.id, locale);
    if (!outcome.ok) {
      const status = outcome.reason === "busy" ? 503 : 409;
      const extra = outcome.reason === "workshopFull" ? { sessionIds: outcome.sessionIds } : undefined;
      return jsonError(status, outcome.reason, bilingual(`checkin.walkIn.errors.${outcome.reason}`), extra);
    }
    return json({ verdict: outcome.verdict }, 201);
  });
}
