// The owner's forms for API tokens (dashboard, "API"), shared by the client form and the server actions.
// Messages are keys under "validation".
import { z } from "zod";
import { lineText } from "@/lib/text";

const id = lineText().min(1, "required").max(40, "invalid");

export const API_TOKEN_SCOPES = ["READ", "READ_WRITE"] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

/** Days a token may live, as offered on the form; "" is no expiry. */
export const API_TOKEN_LIFETIMES = ["", "30", "90", "365"] as const;

export const createApiTokenSchema = z.object({
  organisationId: id,
  name: lineText().min(1, "required").max(80, "tooLong"),
  scope: z.enum(API_TOKEN_SCOPES, "required"),
  expiresInDays: z.enum(API_TOKEN_LIFETIMES).catch(""),
});
export type CreateApiTokenInput = z.input<typeof createApiTokenSchema>;
export type CreateApiToken = z.output<typeof createApiTokenSchema>;

export const revokeApiTokenSchema = z.object({ tokenId: id });
