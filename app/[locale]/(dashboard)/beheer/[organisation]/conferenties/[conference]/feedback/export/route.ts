// POST (a plain form) → the survey's answers as CSV. Everything is in lib/feedback/export.ts.
import { currentUser } from "@/lib/auth/session";
import { exportSurvey } from "@/lib/feedback/export";

export async function POST(request: Request, { params }: RouteContext<"/[locale]/beheer/[organisation]/conferenties/[conference]/feedback/export">) {
  return exportSurvey(await currentUser(), await params, request);
}
