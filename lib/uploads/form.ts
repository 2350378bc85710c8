// lib/auth/authorized-action.ts parses a FormData's strings only (files cannot be shown again in a form
// rendered without JavaScript). An action that takes an upload passes this object instead: the strings
// plus the named files, so the shared zod schema sees the File and the refusal still carries the strings.
import { submittedValues } from "@/lib/auth/authorized-action";

export function withFiles(form: FormData, ...names: string[]): Record<string, unknown> {
  const input: Record<string, unknown> = submittedValues(form);
  for (const name of names) {
    const value = form.get(name);
    delete input[name];
    // A file input left empty still posts a File: nameless (or named otherwise by some browsers), 0 bytes.
    if (value instanceof File && value.size > 0) input[name] = value;
  }
  return input;
}
