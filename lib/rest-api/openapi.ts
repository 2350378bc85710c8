// The OpenAPI 3.1 document of /api/v1, made from the zod schemas the handlers use (lib/rest-api/schemas.ts) with
// zod's own z.toJSONSchema: there is no second, hand-written copy to fall behind. OpenAPI 3.1's schemas are JSON
// Schema 2020-12, which is what zod writes.
import { z } from "zod";
import {
  cancelAnswerSchema,
  checkInListQuerySchema,
  checkInSchema,
  conferenceSchema,
  conferenceSummarySchema,
  createRegistrationBodySchema,
  errorSchema,
  moveWorkshopsBodySchema,
  pageOf,
  pageQuerySchema,
  registrationListQuerySchema,
  registrationSchema,
  reportSchema,
  speakerSchema,
  venueSchema,
} from "./schemas";

type Operation = {
  method: "get" | "post" | "put";
  path: string;
  id: string;
  summary: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The success answer: its status and the name of its schema among the components. */
  ok: [number, string];
  write?: boolean;
  /** Has a path parameter `id`: then a 404 for an unknown (or a stranger's) id. */
  byId?: boolean;
};

const COMPONENTS: Record<string, z.ZodType> = {
  Error: errorSchema,
  Venue: venueSchema,
  ConferenceSummary: conferenceSummarySchema,
  Conference: conferenceSchema,
  Registration: registrationSchema,
  CheckIn: checkInSchema,
  Speaker: speakerSchema,
  Report: reportSchema,
  ConferencePage: pageOf(conferenceSummarySchema),
  RegistrationPage: pageOf(registrationSchema),
  CheckInPage: pageOf(checkInSchema),
  SpeakerPage: pageOf(speakerSchema),
  VenuePage: pageOf(venueSchema),
  ReportPage: pageOf(reportSchema),
  CancelAnswer: cancelAnswerSchema,
};

export const OPERATIONS: Operation[] = [
  { method: "get", path: "/conferences", id: "listConferences", summary: "The organisation's conferences, with places left", query: pageQuerySchema, ok: [200, "ConferencePage"] },
  { method: "get", path: "/conferences/{id}", id: "getConference", summary: "A conference with its venue, programme, rounds, workshops and places left", ok: [200, "Conference"], byId: true },
  {
    method: "get",
    path: "/conferences/{id}/registrations",
    id: "listRegistrations",
    summary: "A conference's registrations; filter by status and modified_since",
    query: registrationListQuerySchema,
    ok: [200, "RegistrationPage"],
    byId: true,
  },
  {
    method: "post",
    path: "/conferences/{id}/registrations",
    id: "createRegistration",
    summary: "Adds someone as an organiser does (capacity and waiting lists as on the dashboard)",
    body: createRegistrationBodySchema,
    ok: [201, "Registration"],
    write: true,
    byId: true,
  },
  { method: "get", path: "/conferences/{id}/check-ins", id: "listCheckIns", summary: "A conference's check-ins, in the order received; `since` for what is new", query: checkInListQuerySchema, ok: [200, "CheckInPage"], byId: true },
  { method: "get", path: "/registrations/{id}", id: "getRegistration", summary: "One registration", ok: [200, "Registration"], byId: true },
  { method: "post", path: "/registrations/{id}/cancel", id: "cancelRegistration", summary: "Cancels; the first person waiting gets the place", ok: [200, "CancelAnswer"], write: true, byId: true },
  { method: "put", path: "/registrations/{id}/workshops", id: "moveWorkshops", summary: "Moves someone to other workshops, within capacity", body: moveWorkshopsBodySchema, ok: [200, "Registration"], write: true, byId: true },
  { method: "get", path: "/speakers", id: "listSpeakers", summary: "The organisation's speakers", query: pageQuerySchema, ok: [200, "SpeakerPage"] },
  { method: "get", path: "/venues", id: "listVenues", summary: "The organisation's venues and their rooms", query: pageQuerySchema, ok: [200, "VenuePage"] },
  { method: "get", path: "/reports", id: "listReports", summary: "The organisation's reports (sfeerverslagen)", query: pageQuerySchema, ok: [200, "ReportPage"] },
];

function jsonSchema(schema: z.ZodType, io: "input" | "output"): Record<string, unknown> {
  const made = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as Record<string, unknown>;
  // The document says its dialect once (OpenAPI 3.1's default is 2020-12), not per schema.
  delete made.$schema;
  return made;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const answer = (description: string, name: string) => ({ description, content: { "application/json": { schema: ref(name) } } });

function operation(op: Operation) {
  const parameters: unknown[] = [];
  if (op.byId) parameters.push({ name: "id", in: "path", required: true, schema: { type: "string" } });
  if (op.query) {
    const shape = jsonSchema(op.query, "input") as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, schema] of Object.entries(shape.properties ?? {})) {
      parameters.push({ name, in: "query", required: shape.required?.includes(name) ?? false, schema });
    }
  }
  if (op.write) {
    parameters.push({
      name: "Idempotency-Key",
      in: "header",
      required: false,
      description: "The same key again within 24 hours gets the first answer back and changes nothing.",
      schema: { type: "string", pattern: "^[A-Za-z0-9_-]{8,100}$" },
    });
  }
  const responses: Record<string, unknown> = {
    [String(op.ok[0])]: {
      ...answer("Success", op.ok[1]),
      ...(op.method === "get" ? { headers: { ETag: { schema: { type: "string" } } } } : {}),
    },
    401: answer("No valid token (missing, unknown, revoked or expired)", "Error"),
    422: answer("Validation failed: `fields` names each field by its path", "Error"),
    429: answer("Too many requests for this token; see Retry-After", "Error"),
  };
  if (op.method === "get") responses[304] = { description: "Not modified (If-None-Match matched the ETag)" };
  if (op.write) {
    responses[403] = answer("The token may only read", "Error");
    responses[409] = answer("Refused by the conference's rules (already registered, not open, full), or the Idempotency-Key is in use", "Error");
  }
  if (op.byId) responses[404] = answer("No such record in this organisation", "Error");
  return {
    operationId: op.id,
    summary: op.summary,
    parameters,
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body, "input") } } } } : {}),
    responses,
  };
}

export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method] = operation(op);
  return {
    openapi: "3.1.0",
    info: {
      title: "Podium API",
      version: "1.0.0",
      description:
        "An organisation's conferences, registrations, check-ins, speakers, venues and reports. Authenticate with `Authorization: Bearer <token>` (an owner makes tokens on the dashboard under API). Lists are paged with `cursor` and `limit`; answers carry ETags and RateLimit-* headers.",
    },
    servers: [{ url: `${serverUrl.replace(/\/$/, "")}/api/v1` }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: Object.fromEntries(Object.entries(COMPONENTS).map(([name, schema]) => [name, jsonSchema(schema, "output")])),
    },
  };
}
