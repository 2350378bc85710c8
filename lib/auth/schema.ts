// The sign-in form's schema, shared by react-hook-form (zodResolver) and the server action. Messages are keys
// under "validation" in messages/*.json.
import { z } from "zod";

/**
 * Where to go after signing in: a path on this site only. "//evil.example" and "/\evil.example" are
 * protocol-relative URLs to another host in browsers, so they are refused along with absolute URLs.
 */
export const localPath = z
  .string()
  .max(500)
  .refine((path) => path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\"), "invalid");

export const signInSchema = z
  .object({
    email: z.string().trim().max(254, "tooLong").pipe(z.email("emailInvalid")),
    callbackUrl: localPath.optional().catch(undefined),
    locale: z.enum(["nl", "en"]).catch("nl"),
  })
  .strict();

export type SignInInput = z.input<typeof signInSchema>;
export type SignIn = z.output<typeof signInSchema>;
