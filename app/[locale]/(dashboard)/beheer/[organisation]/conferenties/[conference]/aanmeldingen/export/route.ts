// POST (a plain form) → the conference's registrations as CSV. Everything is in lib/registrations/admin-export.ts.
import { currentUser } from "@/lib/auth/session";
import { exportRegistrations } from "@/lib/registrations/admin-export";

export async function POST(request: Request, { params }: RouteContext<"/[locale]/beheer/[organisation]/conferenties/[conference]/aanmeldingen/export">) {
  return exportRegistrations(await currentUser(), await params, request);
}
