import "server-only";
import { hit, type RateLimitResult } from "@/lib/rate-limit/rate-limit";
import { emailKey } from "@/lib/text";
import { SIGN_IN_PER_ADDRESS, SIGN_IN_PER_CLIENT } from "./rate-limits";

/**
 * Counts one sign-in request against both limits: the client's address and the address the link would go
 * to. Both counters live in PostgreSQL, so every app instance shares them. The address limit counts unknown
 * addresses as well; a limit that only known addresses could hit would tell which ones are known.
 */
export async function countSignInRequest(email: string, client: string): Promise<RateLimitResult> {
  const byClient = await hit(SIGN_IN_PER_CLIENT, client);
  if (!byClient.ok) return byClient;
  return hit(SIGN_IN_PER_ADDRESS, emailKey(email));
}
