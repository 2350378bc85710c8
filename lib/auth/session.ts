import "server-only";
import { cache } from "react";
import { auth } from "@/auth";

export interface CurrentUser {
  id: string;
  email: string;
  name: string | null;
}

/**
 * The signed-in user, read from the session row in the database (Auth.js's database strategy), once per
 * request however many components ask. Null when signed out, when the session expired or was removed, and
 * when the session could not be read at all: Auth.js answers errors with no session, so this fails closed.
 */
export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const user = session?.user;
  if (!user?.id || !user.email) return null;
  return { id: user.id, email: user.email, name: user.name ?? null };
});
