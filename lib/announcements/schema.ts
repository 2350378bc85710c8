// Messages from the organiser to a segment of a conference's people (issue 16): who they go to, and the form
// that writes them, shared by the client (zodResolver) and the server action. Messages are keys under
// "editor.validation".
import { z } from "zod";
import { multilineText, recordId, requiredText } from "@/lib/editor/fields";

/** Who a message goes to. Nobody who cancelled or was erased, whatever the segment. */
export type Segment =
  | { kind: "confirmed" }
  | { kind: "waitlisted" }
  | { kind: "workshop"; sessionId: string }
  | { kind: "checkedIn" }
  /** Only after the conference: the people with a place who did not come. */
  | { kind: "notCheckedIn" }
  /** People who answered a question of the sign-up form a given way (an option's id, or "yes"/"no"). */
  | { kind: "answer"; questionId: string; value: string };

const ID = "[A-Za-z0-9_-]{1,40}";
const WORKSHOP = new RegExp(`^workshop:(${ID})$`);
const ANSWER = new RegExp(`^answer:(${ID}):(${ID})$`);

/** The form's one select: "confirmed", "workshop:<sessionId>", "answer:<questionId>:<value>"... */
export function segmentOf(text: string): Segment | null {
  if (text === "confirmed" || text === "waitlisted" || text === "checkedIn" || text === "notCheckedIn") return { kind: text };
  const workshop = WORKSHOP.exec(text);
  if (workshop?.[1]) return { kind: "workshop", sessionId: workshop[1] };
  const answer = ANSWER.exec(text);
  if (answer?.[1] && answer[2]) return { kind: "answer", questionId: answer[1], value: answer[2] };
  return null;
}

export function segmentValue(segment: Segment): string {
  switch (segment.kind) {
    case "workshop":
      return `workshop:${segment.sessionId}`;
    case "answer":
      return `answer:${segment.questionId}:${segment.value}`;
    default:
      return segment.kind;
  }
}

export const segmentSchema = z.string().transform((text, context) => {
  const segment = segmentOf(text);
  if (!segment) {
    context.addIssue({ code: "custom", message: "required" });
    return z.NEVER;
  }
  return segment;
});

export const MESSAGE_INTENTS = ["preview", "test", "send"] as const;

export const messageSchema = z.object({
  conferenceId: recordId,
  segment: segmentSchema,
  subject: requiredText(150),
  body: multilineText(5000).refine((text) => text.length > 0, "required"),
  // Which button: count and preview, a test to oneself, or send to everyone in the segment.
  intent: z.enum(MESSAGE_INTENTS).prefault("preview"),
});

export type MessageInput = z.output<typeof messageSchema>;
