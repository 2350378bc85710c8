// The REST API's shapes (/api/v1, issue 17), as zod schemas: the request bodies and queries that the route
// handlers parse with, and the answers they send (tests/integration/api-v1.test.ts checks real answers against them).
// lib/rest-api/openapi.ts makes the OpenAPI document from them, so the document cannot drift from the code.
import { z } from "zod";
import { addedPersonSchema } from "@/lib/registrations/admin-schema";
import { REGISTRATION_STATES } from "@/lib/places/schema";
import { lineText } from "@/lib/text";

const timestamp = z.iso.datetime({ offset: true });
const id = z.string();

// ----- Requests -------------------------------------------------------------------------------------------

export const pageQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const registrationListQuerySchema = pageQuerySchema.extend({
  status: z.enum(["confirmed", "waitlisted", "cancelled"]).optional(),
  modified_since: timestamp.optional(),
});

export const checkInListQuerySchema = pageQuerySchema.extend({ since: timestamp.optional() });

/** An organiser's addition: the dashboard's form's fields (lib/registrations/admin-schema.ts). */
export const createRegistrationBodySchema = addedPersonSchema;

/** The wanted workshop per round; "" (or a round left out) is none in that round. */
export const moveWorkshopsBodySchema = z.strictObject({
  workshops: z.record(lineText().max(40), lineText().max(40)),
});

// ----- Answers --------------------------------------------------------------------------------------------

const bilingual = z.object({ nl: z.string(), en: z.string() });

export const errorSchema = z.object({
  error: z.string(),
  message: bilingual,
  /** Validation errors (422): the message per field, by its path ("workshops.r1", "email"). */
  fields: z.record(z.string(), bilingual).optional(),
});

export const venueSchema = z.object({
  id,
  name: z.string(),
  street: z.string(),
  postalCode: z.string(),
  city: z.string(),
  country: z.string(),
  website: z.string().nullable(),
  accessibilityNotes: z.string().nullable(),
  rooms: z.array(z.object({ id, name: z.string(), capacity: z.number().int() })),
});

const placesLeft = z.object({
  capacity: z.number().int(),
  confirmed: z.number().int(),
  waitlisted: z.number().int(),
  left: z.number().int(),
  /** Whether people can sign up now, and if not why (lib/places). */
  state: z.enum(REGISTRATION_STATES),
});

export const conferenceSummarySchema = z.object({
  id,
  slug: z.string(),
  title: z.string(),
  subtitle: z.string().nullable(),
  status: z.enum(["draft", "published", "cancelled"]),
  startsAt: timestamp,
  endsAt: timestamp,
  timeZone: z.string(),
  registrationOpensAt: timestamp.nullable(),
  registrationClosesAt: timestamp.nullable(),
  venueId: z.string().nullable(),
  places: placesLeft.nullable(),
  updatedAt: timestamp,
});

export const workshopSchema = z.object({
  id,
  title: z.string(),
  startsAt: timestamp,
  endsAt: timestamp,
  capacity: z.number().int().nullable(),
  confirmed: z.number().int(),
  waitlisted: z.number().int(),
  /** Places left; null when the workshop has no limit. */
  left: z.number().int().nullable(),
});

export const conferenceSchema = conferenceSummarySchema.extend({
  description: z.string(),
  venue: venueSchema.nullable(),
  programme: z.array(
    z.object({
      id,
      title: z.string(),
      kind: z.string(),
      startsAt: timestamp,
      endsAt: timestamp,
      room: z.string().nullable(),
      roundId: z.string().nullable(),
      speakerIds: z.array(z.string()),
    }),
  ),
  rounds: z.array(
    z.object({
      id,
      title: z.string(),
      allocation: z.enum(["FIRST_COME", "RANKED"]),
      workshops: z.array(workshopSchema),
    }),
  ),
});

export const registrationSchema = z.object({
  id,
  conferenceId: id,
  name: z.string(),
  email: z.string(),
  organisation: z.string().nullable(),
  jobRole: z.string().nullable(),
  status: z.enum(["confirmed", "waitlisted", "cancelled"]),
  source: z.enum(["online", "walk_in"]),
  workshops: z.array(z.object({ roundId: id, sessionId: id, status: z.enum(["confirmed", "waitlisted"]) })),
  checkedIn: z.boolean(),
  createdAt: timestamp,
  updatedAt: timestamp,
  cancelledAt: timestamp.nullable(),
});

export const checkInSchema = z.object({
  id,
  registrationId: id,
  action: z.enum(["check_in", "undo"]),
  method: z.string(),
  scannedAt: timestamp,
  receivedAt: timestamp,
  duplicate: z.boolean(),
  // Issue 15: the session whose room the check-in was at; null for the front door (arrival).
  sessionId: id.nullable(),
  // A room check-in of someone whose place is in another workshop of the round, admitted by the host.
  outsideChoice: z.boolean(),
});

export const speakerSchema = z.object({
  id,
  slug: z.string(),
  name: z.string(),
  role: z.string().nullable(),
  affiliation: z.string().nullable(),
  bio: z.string(),
});

export const reportSchema = z.object({
  id,
  slug: z.string(),
  title: z.string(),
  lead: z.string(),
  body: z.string(),
  status: z.string(),
  conferenceId: z.string().nullable(),
  authorName: z.string().nullable(),
  publishedAt: timestamp.nullable(),
  updatedAt: timestamp,
});

/** A page of a list: `next_cursor` is null on the last page. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), next_cursor: z.string().nullable() });
}

export const cancelAnswerSchema = z.object({ registration: registrationSchema, promoted: z.number().int() });
