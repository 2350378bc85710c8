// The organiser's registration forms and filters. One schema per form, used by react-hook-form in the browser
// (object values) and by the server action (FormData flattened to strings, "workshops.<roundId>" fields and
// "on" for a ticked box): the preprocess step accepts both shapes.
import { z } from "zod";
import { lineText } from "@/lib/text";
import { registrationSchema } from "./schema";

const id = lineText().min(1, "required").max(40, "invalid");

function ticked(value: unknown): boolean {
  return value === true || value === "on" || value === "true";
}

/** "workshops.<roundId>" fields (FormData) or a workshops object (react-hook-form) as { roundId: sessionId }. */
function workshopsOf(input: Record<string, unknown>): Record<string, string> {
  if (input.workshops && typeof input.workshops === "object") {
    return Object.fromEntries(Object.entries(input.workshops as Record<string, unknown>).map(([k, v]) => [k, typeof v === "string" ? v : ""]));
  }
  const workshops: Record<string, string> = {};
  for (const [name, value] of Object.entries(input)) {
    if (name.startsWith("workshops.") && typeof value === "string") workshops[name.slice("workshops.".length)] = value;
  }
  return workshops;
}

function flat(input: unknown): Record<string, unknown> {
  return input && typeof input === "object" ? (input as Record<string, unknown>) : {};
}

const optionalText = (value: unknown) => (typeof value === "string" ? value : undefined);

/**
 * The person an organiser adds, as the dashboard's form and the REST API (lib/api/v1) both take them: the
 * public form's fields without the consents that are the person's own to give. The organiser may ask to be
 * refused a full workshop instead of its waiting list (lib/places/mutations.ts).
 */
export const addedPersonSchema = registrationSchema
  .omit({ photoConsent: true, newsletterOptIn: true })
  .extend({ waitForFullWorkshops: z.boolean().default(false) });

/**
 * Someone the organiser adds by hand (a phone call, an email): the same fields and rules as the public form,
 * plus the conference and an idempotency key, so a double submit makes one registration. The organiser
 * confirms that the person agreed to the privacy statement; newsletter and photo consent are the person's own
 * to give, so the organiser cannot tick them.
 */
export const addRegistrationSchema = z.preprocess(
  (raw) => {
    const input = flat(raw);
    return {
      conferenceId: input.conferenceId,
      idempotencyKey: input.idempotencyKey,
      name: optionalText(input.name) ?? "",
      email: optionalText(input.email) ?? "",
      organisation: optionalText(input.organisation),
      jobRole: optionalText(input.jobRole),
      workshops: Object.fromEntries(Object.entries(workshopsOf(input)).filter(([, sessionId]) => sessionId)),
      waitForFullWorkshops: ticked(input.waitForFullWorkshops),
      dietaryNeeds: optionalText(input.dietaryNeeds),
      accessibilityNeeds: optionalText(input.accessibilityNeeds),
      // Unticked is "not true": the literal(true) below then answers with privacyRequired.
      privacyConsent: ticked(input.privacyConsent) ? true : undefined,
      locale: input.locale === "en" ? "en" : "nl",
    };
  },
  addedPersonSchema.extend({ conferenceId: id, idempotencyKey: z.uuid("invalid") }),
);
export type AddRegistrationInput = z.input<typeof addRegistrationSchema>;
export type AddRegistration = z.output<typeof addRegistrationSchema>;

export const cancelRegistrationSchema = z.object({ registrationId: id });

/** Moving a person: the wanted session per round ("" = none), within capacity only. */
export const moveWorkshopsSchema = z.preprocess(
  (raw) => {
    const input = flat(raw);
    return { registrationId: input.registrationId, workshops: workshopsOf(input) };
  },
  z.object({ registrationId: id, workshops: z.record(lineText().max(40), lineText().max(40)) }),
);
export type MoveWorkshopsInput = z.input<typeof moveWorkshopsSchema>;

export const REGISTRATION_STATUSES = ["CONFIRMED", "WAITLISTED", "CANCELLED"] as const;
export const CHECK_IN_FILTERS = ["yes", "no", "flagged"] as const;

/** The table's search and filters from the URL (?q=&status=&workshop=&ingecheckt=&pagina=); nonsense is ignored. */
export const registrationFiltersSchema = z.object({
  q: lineText().max(100).catch(""),
  status: z.enum(REGISTRATION_STATUSES).or(z.literal("")).catch(""),
  workshop: lineText().max(40).catch(""),
  checkedIn: z.enum(CHECK_IN_FILTERS).or(z.literal("")).catch(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type RegistrationFilters = z.output<typeof registrationFiltersSchema>;

export function filtersFromSearchParams(params: Record<string, string | string[] | undefined>): RegistrationFilters {
  const first = (name: string) => {
    const value = params[name];
    return Array.isArray(value) ? value[0] : value;
  };
  return registrationFiltersSchema.parse({
    q: first("q") ?? "",
    status: first("status") ?? "",
    workshop: first("workshop") ?? "",
    checkedIn: first("ingecheckt") ?? "",
    page: first("pagina") ?? 1,
  });
}

/** The optional columns of the export: personal needs leave the system only when the organiser asks. */
export const exportOptionsSchema = z.object({
  dietary: z.preprocess(ticked, z.boolean()),
  accessibility: z.preprocess(ticked, z.boolean()),
  cancelled: z.preprocess(ticked, z.boolean()),
});
export type ExportOptions = z.output<typeof exportOptionsSchema>;
