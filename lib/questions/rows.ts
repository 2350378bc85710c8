// A question row as lib/questions/schema.ts's plain Question: the one place the JSON of its options is read.
import { z } from "zod";
import type { RegistrationQuestion } from "@/lib/generated/prisma/client";
import type { Question } from "./schema";

const optionsSchema = z.array(z.object({ id: z.string(), nl: z.string(), en: z.string() }));

type QuestionRow = Pick<
  RegistrationQuestion,
  "id" | "type" | "required" | "labelNl" | "labelEn" | "helpNl" | "helpEn" | "options" | "conditionQuestionId" | "conditionValue" | "version"
>;

export function questionOf(row: QuestionRow): Question {
  return {
    id: row.id,
    type: row.type,
    required: row.required,
    label: { nl: row.labelNl, en: row.labelEn },
    help: row.helpNl || row.helpEn ? { nl: row.helpNl ?? row.helpEn ?? "", en: row.helpEn ?? row.helpNl ?? "" } : null,
    options: optionsSchema.parse(row.options),
    condition: row.conditionQuestionId && row.conditionValue ? { questionId: row.conditionQuestionId, value: row.conditionValue } : null,
    version: row.version,
  };
}
