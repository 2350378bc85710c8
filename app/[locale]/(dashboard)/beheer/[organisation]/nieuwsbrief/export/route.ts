// POST (a plain form) → the confirmed newsletter subscribers as CSV. See lib/newsletter/admin-export.ts.
import { currentUser } from "@/lib/auth/session";
import { exportSubscribers } from "@/lib/newsletter/admin-export";

export async function POST(request: Request, { params }: RouteContext<"/[locale]/beheer/[organisation]/nieuwsbrief/export">) {
  return exportSubscribers(await currentUser(), await params, request);
}
