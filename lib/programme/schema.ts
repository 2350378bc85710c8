// The programme editor's forms, shared by the client (zodResolver) and the server actions. Messages are keys
// under "editor.validation". A session has four speaker slots: plain fields, so the form works without
// JavaScript; empty slots are left out.
import { z } from "zod";
import { dateTime, multilineText, optionalDateTime, optionalText, optionalWholeNumber, recordId, requestKey, requiredText } from "@/lib/editor/fields";

export const SESSION_KINDS = ["WELCOME", "KEYNOTE", "TALK", "WORKSHOP", "PANEL", "BREAK", "NETWORKING"] as const;
export const SPEAKER_PARTS = ["SPEAKER", "MODERATOR", "HOST"] as const;
export const SPEAKER_SLOTS = [1, 2, 3, 4] as const;

const part = z.enum(SPEAKER_PARTS, "invalid").catch("SPEAKER");

const sessionFields = z.object({
  title: requiredText(200),
  description: multilineText(5000),
  kind: z.enum(SESSION_KINDS, "required"),
  startsAt: dateTime,
  endsAt: dateTime,
  roomId: optionalText(40),
  workshopRoundId: optionalText(40),
  capacity: optionalWholeNumber(1, 100_000),
  speaker1: optionalText(40),
  part1: part,
  speaker2: optionalText(40),
  part2: part,
  speaker3: optionalText(40),
  part3: part,
  speaker4: optionalText(40),
  part4: part,
});

type SessionFields = z.output<typeof sessionFields>;

function checkSession(value: SessionFields, context: z.RefinementCtx) {
  if (value.endsAt <= value.startsAt) context.addIssue({ code: "custom", path: ["endsAt"], message: "endsBeforeStart" });
  if (value.capacity !== null && !value.workshopRoundId) {
    context.addIssue({ code: "custom", path: ["capacity"], message: "capacityOnlyInRound" });
  }
  const seen = new Set<string>();
  for (const slot of SPEAKER_SLOTS) {
    const speakerId = value[`speaker${slot}`];
    if (!speakerId) continue;
    if (seen.has(speakerId)) context.addIssue({ code: "custom", path: [`speaker${slot}`], message: "speakerTwice" });
    seen.add(speakerId);
  }
}

/** The filled speaker slots in order, with their part. */
export function speakersOf(value: SessionFields): Array<{ speakerId: string; part: (typeof SPEAKER_PARTS)[number]; position: number; slot: number }> {
  return SPEAKER_SLOTS.flatMap((slot, position) => {
    const speakerId = value[`speaker${slot}`];
    return speakerId ? [{ speakerId, part: value[`part${slot}`], position, slot }] : [];
  });
}

export const createSessionSchema = sessionFields.extend({ conferenceId: recordId, requestKey }).superRefine(checkSession);
export const updateSessionSchema = sessionFields.extend({ sessionId: recordId }).superRefine(checkSession);
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

/** The strings of a new session's form. */
export function emptySession(startsAt: string, endsAt: string): Record<string, string> {
  const values: Record<string, string> = {
    title: "", description: "", kind: "TALK", startsAt, endsAt, roomId: "", workshopRoundId: "", capacity: "",
  };
  for (const slot of SPEAKER_SLOTS) {
    values[`speaker${slot}`] = "";
    values[`part${slot}`] = "SPEAKER";
  }
  return values;
}
