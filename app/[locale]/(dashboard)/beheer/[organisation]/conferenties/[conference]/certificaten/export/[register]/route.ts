// POST (a plain form) → one register's attendance list as CSV. Everything is in lib/certificates/export.ts.
import { currentUser } from "@/lib/auth/session";
import { exportRegister } from "@/lib/certificates/export";

export async function POST(request: Request, { params }: RouteContext<"/[locale]/beheer/[organisation]/conferenties/[conference]/certificaten/export/[register]">) {
  return exportRegister(await currentUser(), await params, request);
}
