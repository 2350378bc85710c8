// Manage links: the attendee's only key to their registration. Every email that carries one mints a new token
// and keeps only its hash (manage_links); every link ever sent keeps working until the registration is erased,
// so a person can open whichever email they find first.
import "server-only";
import { db } from "@/lib/db";
import { hashToken } from "@/lib/tokens";

/** The registration a link opens: an unknown token and an erased registration look the same, not found. */
export async function registrationOfToken(token: string): Promise<{ id: string; conferenceId: string } | null> {
  if (token.length < 20 || token.length > 100) return null;
  const link = await db.manageLink.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { registration: { select: { id: true, conferenceId: true, erasedAt: true } } },
  });
  if (!link || link.registration.erasedAt) return null;
  return { id: link.registration.id, conferenceId: link.registration.conferenceId };
}
