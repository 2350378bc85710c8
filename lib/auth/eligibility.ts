import "server-only";
import type { Tx } from "@/lib/db";
import { emailKey } from "@/lib/text";

// Works inside a transaction and with the plain client (the signIn callback has no transaction).
type Reader = Pick<Tx, "membership" | "memberInvitation">;

/**
 * Who may receive a sign-in link: a user who belongs to at least one organisation, or someone with an open
 * invitation. Anyone else gets the same "check your email" page but no email, so signing in never creates
 * an account that has access to nothing, and the page never tells whether an address is known.
 */
export async function maySignIn(reader: Reader, email: string): Promise<boolean> {
  const key = emailKey(email);
  const member = await reader.membership.findFirst({ where: { user: { email: key } }, select: { id: true } });
  if (member) return true;
  const invitation = await reader.memberInvitation.findFirst({
    where: { email: key, acceptedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true },
  });
  return invitation !== null;
}
