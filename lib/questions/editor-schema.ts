// The question editor's forms (dashboard), shared by the client (zodResolver) and the server actions. Messages
// are keys under "editor.validation". Every field is a string, as a form posts it, so it works without JavaScript.
import { z } from "zod";
import { optionalMultilineText, recordId, requestKey, requiredText } from "@/lib/editor/fields";
import { lineText } from "@/lib/text";
import { CHOICE_TYPES, QUESTION_TYPES, type Bilingual } from "./schema";

export const MAX_OPTIONS = 30;

/**
 * The options as typed: one a line, "Nederlands | English" (without "|" the line is both). Ids are given by the
 * mutation, which keeps an existing option's id when its words match (lib/questions/mutations.ts).
 */
const optionLines = z
  .string()
  .prefault("")
  .transform((text, context) => {
    const options: Bilingual[] = [];
    for (const line of text.split(/\r?\n/)) {
      if (!line.trim()) continue;
      const [nl = "", en = nl] = line.split("|").map((part) => part.trim());
      const parsedNl = lineText().min(1).max(200).safeParse(nl);
      const parsedEn = lineText().min(1).max(200).safeParse(en || nl);
      if (!parsedNl.success || !parsedEn.success) {
        context.addIssue({ code: "custom", message: "optionInvalid" });
        return z.NEVER;
      }
      options.push({ nl: parsedNl.data, en: parsedEn.data });
    }
    if (options.length > MAX_OPTIONS) {
      context.addIssue({ code: "custom", message: "tooMany" });
      return z.NEVER;
    }
    if (new Set(options.map((o) => o.nl.toLowerCase())).size !== options.length) {
      context.addIssue({ code: "custom", message: "optionTwice" });
      return z.NEVER;
    }
    return options;
  });

/** "" (always shown), or "<questionId>:<value>": shown when that earlier question was answered value. */
const conditionField = z
  .string()
  .prefault("")
  .transform((text, context) => {
    if (text === "") return null;
    const match = /^([A-Za-z0-9_-]{1,40}):([A-Za-z0-9_-]{1,40})$/.exec(text);
    if (!match?.[1] || !match[2]) {
      context.addIssue({ code: "custom", message: "invalid" });
      return z.NEVER;
    }
    return { questionId: match[1], value: match[2] };
  });

const questionFields = z.object({
  type: z.enum(QUESTION_TYPES, "required"),
  // A checkbox: "on" when posted, true from react-hook-form.
  required: z.union([z.boolean(), z.string()]).prefault(false).transform((v) => v === true || v === "on" || v === "true"),
  labelNl: requiredText(300),
  labelEn: requiredText(300),
  helpNl: optionalMultilineText(1000).prefault(""),
  helpEn: optionalMultilineText(1000).prefault(""),
  options: optionLines,
  condition: conditionField,
});

function checkOptions(question: z.output<typeof questionFields>, context: z.RefinementCtx) {
  if (CHOICE_TYPES.has(question.type) && question.options.length < 2) {
    context.addIssue({ code: "custom", message: "optionsNeeded", path: ["options"] });
  }
}

export const createQuestionSchema = questionFields
  .extend({ conferenceId: recordId, requestKey })
  .superRefine(checkOptions);

export const updateQuestionSchema = questionFields.extend({ questionId: recordId }).superRefine(checkOptions);

export const moveQuestionSchema = z.object({ questionId: recordId, direction: z.enum(["up", "down"]) });
export const deleteQuestionSchema = z.object({ questionId: recordId });

export type CreateQuestion = z.output<typeof createQuestionSchema>;
export type UpdateQuestion = z.output<typeof updateQuestionSchema>;
