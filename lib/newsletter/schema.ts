// The newsletter form's one schema, for react-hook-form in the browser and the server action alike.
// zod/mini because this runs on the home page: the full zod API would add its weight to every visit.
// Messages are keys under "validation" in messages/*.json.
import * as z from "zod/mini";

export const newsletterSignupSchema = z.strictObject({
  email: z.pipe(z.string().check(z.trim(), z.maxLength(254, "tooLong")), z.email("emailInvalid")),
  locale: z._default(z.enum(["nl", "en"]), "nl"),
});

export type NewsletterSignupInput = z.input<typeof newsletterSignupSchema>;
export type NewsletterSignup = z.output<typeof newsletterSignupSchema>;
