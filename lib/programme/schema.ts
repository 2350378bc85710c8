// The programme editor's forms, shared by the client (zodResolver) and the server actions. Messages are keys
// under "editor.validation".
//
// A session's speakers (any number, each with a part) travel as plain fields, so the form works without
// JavaScript (issue 14, item 10): "speaker.<speakerId>" for each one chosen (its position, or "on" from a checkbox)
// and "part.<speakerId>" for the part they play. react-hook-form never sees them (the picker keeps its own
// state); the server reads them from the posted form.
import { z } from "zod";
import { dateTime, multilineText, optionalDateTime, optionalText, optionalWholeNumber, recordId, requestKey, requiredText } from "@/lib/editor/fields";
import { lineText } from "@/lib/text";

export const SESSION_KINDS = ["WELCOME", "KEYNOTE", "TALK", "WORKSHOP", "PANEL", "BREAK", "NETWORKING"] as const;
export const SPEAKER_PARTS = ["SPEAKER", "MODERATOR", "HOST"] as const;
export type SpeakerPart = (typeof SPEAKER_PARTS)[number];
export const MAX_SPEAKERS = 30;

/** The round select's choice that makes a new round, named in newRoundTitle, with the session. */
export const NEW_ROUND = "new";

const SPEAKER_ID = /^[A-Za-z0-9_-]{1,40}$/;

export type ChosenSpeaker = { speakerId: string; part: SpeakerPart; position: number };

/** The posted speaker fields as a list in the order chosen: "speaker.<id>" (a position, or "on") and "part.<id>". */
function speakersFrom(input: Record<string, unknown>): ChosenSpeaker[] | null {
  const chosen: Array<{ speakerId: string; order: number; index: number }> = [];
  let index = 0;
  for (const [name, value] of Object.entries(input)) {
    if (!name.startsWith("speaker.") || typeof value !== "string" || value === "") continue;
    const speakerId = name.slice("speaker.".length);
    // Anything else is a form that was tampered with: refused as a whole.
    if (!SPEAKER_ID.test(speakerId)) return null;
    const order = Number(value);
    chosen.push({ speakerId, order: Number.isFinite(order) ? order : Number.MAX_SAFE_INTEGER, index: index++ });
  }
  chosen.sort((a, b) => a.order - b.order || a.index - b.index);
  return chosen.map(({ speakerId }, position) => {
    const part = input[`part.${speakerId}`];
    return { speakerId, part: (SPEAKER_PARTS as readonly unknown[]).includes(part) ? (part as SpeakerPart) : "SPEAKER", position };
  });
}

const sessionFields = z.object({
  title: requiredText(200),
  description: multilineText(5000),
  kind: z.enum(SESSION_KINDS, "required"),
  startsAt: dateTime,
  endsAt: dateTime,
  roomId: optionalText(40),
  workshopRoundId: optionalText(40),
  // With workshopRoundId NEW_ROUND: the round to make.
  newRoundTitle: lineText().max(120, "tooLong").default(""),
  capacity: optionalWholeNumber(1, 100_000),
  speakers: z.array(z.object({ speakerId: z.string(), part: z.enum(SPEAKER_PARTS), position: z.number().int() })).max(MAX_SPEAKERS, "tooMany"),
});

type SessionFields = z.output<typeof sessionFields>;

/** The flat fields of a posted form (or react-hook-form's values) with the speakers gathered into a list. */
function withSpeakers(raw: unknown): unknown {
  if (typeof raw !== "object" || raw === null) return raw;
  const input = raw as Record<string, unknown>;
  const rest = Object.fromEntries(Object.entries(input).filter(([name]) => !name.startsWith("speaker.") && !name.startsWith("part.")));
  return { ...rest, speakers: speakersFrom(input) ?? "invalid" };
}

function checkSession(value: SessionFields, context: z.RefinementCtx) {
  if (value.endsAt <= value.startsAt) context.addIssue({ code: "custom", path: ["endsAt"], message: "endsBeforeStart" });
  if (value.capacity !== null && !value.workshopRoundId) {
    context.addIssue({ code: "custom", path: ["capacity"], message: "capacityOnlyInRound" });
  }
  if (value.workshopRoundId === NEW_ROUND && !value.newRoundTitle) {
    context.addIssue({ code: "custom", path: ["newRoundTitle"], message: "required" });
  }
}

/** The chosen speakers in order, with their part. */
export function speakersOf(value: SessionFields): ChosenSpeaker[] {
  return value.speakers;
}

export const createSessionSchema = z.preprocess(withSpeakers, sessionFields.extend({ conferenceId: recordId, requestKey }).superRefine(checkSession));
export const updateSessionSchema = z.preprocess(withSpeakers, sessionFields.extend({ sessionId: recordId }).superRefine(checkSession));
export const deleteSessionSchema = z.object({ sessionId: recordId });

export const createRoundSchema = z.object({ conferenceId: recordId, requestKey, title: requiredText(120) });
export const updateRoundSchema = z.object({ roundId: recordId, title: requiredText(120) });
export const deleteRoundSchema = z.object({ roundId: recordId });

export const ALLOCATION_MODES = ["FIRST_COME", "RANKED"] as const;

/** How a round's workshops are handed out; ranked choice needs the moment its rankings close. */
export const roundAllocationSchema = z
  .object({ roundId: recordId, allocation: z.enum(ALLOCATION_MODES, "required"), rankingClosesAt: optionalDateTime })
  .superRefine((value, context) => {
    if (value.allocation === "RANKED" && !value.rankingClosesAt) {
      context.addIssue({ code: "custom", path: ["rankingClosesAt"], message: "required" });
    }
  });
export type RoundAllocation = z.output<typeof roundAllocationSchema>;

export const publishAllocationSchema = z.object({ roundId: recordId });

export type SessionInput = SessionFields;
export type CreateSession = z.output<typeof createSessionSchema>;
export type UpdateSession = z.output<typeof updateSessionSchema>;

/** The strings of a new session's form (no speakers chosen). */
export function emptySession(startsAt: string, endsAt: string): Record<string, string> {
  return { title: "", description: "", kind: "TALK", startsAt, endsAt, roomId: "", workshopRoundId: "", newRoundTitle: "", capacity: "" };
}

/**
 * What the form keeps for the next session after one is added (issue 14, item 10): its kind, room, round and
 * places. A workshop of a round is usually followed by another of that round at the same time (in another room);
 * anything else by the next item of the day, starting when this one ends and lasting as long.
 */
export function nextSessionValues(
  added: { kind: string; roomId: string | null; workshopRoundId: string | null; capacity: number | null; startsAt: Date; endsAt: Date },
  conferenceEndsAt: Date,
  toInput: (date: Date) => string,
): Record<string, string> {
  const parallel = added.workshopRoundId !== null;
  const length = added.endsAt.getTime() - added.startsAt.getTime();
  const startsAt = parallel || added.endsAt >= conferenceEndsAt ? added.startsAt : added.endsAt;
  const endsAt = parallel ? added.endsAt : new Date(Math.min(startsAt.getTime() + length, conferenceEndsAt.getTime()));
  return {
    kind: added.kind,
    roomId: added.roomId ?? "",
    workshopRoundId: added.workshopRoundId ?? "",
    newRoundTitle: "",
    capacity: added.capacity === null ? "" : String(added.capacity),
    startsAt: toInput(startsAt),
    endsAt: toInput(endsAt),
  };
}
