// The sign-in form's schema, shared by react-hook-form (zodResolver) and the server action. Messages are keys
// under "validation" in messages/*.json.
import { z } from "zod";
import { internalPath } from "@/lib/site/link-targets";

/**
 * Where to go after signing in: a path on this site only. "//evil.example", "/\evil.example" and the like
 * are URLs to another host in browsers, so they are refused along with absolute URLs (lib/site/link-targets.ts).
 */
export const localPath = internalPath;

export const signInSchema = z
  .object({
    email: z.string().trim().max(254, "tooLong").pipe(z.email("emailInvalid")),
    callbackUrl: localPath.optional().catch(undefined),
    locale: z.enum(["nl", "en"]).catch("nl"),
  })
  .strict();

export type SignInInput = z.input<typeof signInSchema>;
export type SignIn = z.output<typeof signInSchema>;
