// The form for the organisation's logo (issue 14, item 12: it is printed on the badges), shared by the client
// (zodResolver) and the server action. Messages are keys under "editor.validation" and "validation". A new logo
// needs its alt text; the form can also take the logo away.
import { z } from "zod";
import { recordId } from "@/lib/editor/fields";
import { lineText } from "@/lib/text";
import { ALT_TEXT_MAX } from "@/lib/uploads/limits";
import { optionalImageFileSchema } from "@/lib/uploads/schema";

const ticked = z.union([z.boolean(), z.string()]).optional().transform((v) => v === true || v === "on");

export const organisationLogoSchema = z
  .object({
    organisationId: recordId,
    logo: optionalImageFileSchema,
    logoAlt: lineText().max(ALT_TEXT_MAX, "tooLong"),
    removeLogo: ticked,
  })
  .superRefine((value, context) => {
    if (value.logo && value.logoAlt === "") context.addIssue({ code: "custom", path: ["logoAlt"], message: "altRequired" });
    if (!value.logo && !value.removeLogo) context.addIssue({ code: "custom", path: ["logo"], message: "uploadMissing" });
  });
export type OrganisationLogo = z.output<typeof organisationLogoSchema>;
