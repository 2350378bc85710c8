// Who may send a photo to /api/uploads, decided from the request's headers before a byte of its body is read:
// a post from this site (not another site's form), by someone signed in who owns or organises an organisation.
import "server-only";
import { currentUser, type CurrentUser } from "@/lib/auth/session";
import { crossSite } from "@/lib/exports/route-guard";
import { mayStagePhotos } from "./staging";

export type UploadAccess = { ok: true; user: CurrentUser } | { ok: false; status: 401 | 403 };

export async function uploadAccess(request: Request): Promise<UploadAccess> {
  if (crossSite(request)) return { ok: false, status: 403 };
  const user = await currentUser();
  if (!user) return { ok: false, status: 401 };
  return (await mayStagePhotos(user.id)) ? { ok: true, user } : { ok: false, status: 403 };
}
