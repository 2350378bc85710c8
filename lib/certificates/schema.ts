// The forms of certificates (issue 15): the attendee's registry numbers (sign-up and manage page) and the
// organiser's settings. Shared by the browser and the server; messages are keys under "certificates.validation".
import { z } from "zod";
import { REGISTERS, REGISTRY_CONSENT_FIELD, isRegister, normaliseRegistryNumber, registryField, validRegistryNumber, type Register } from "./registers";

export type RegistryNumbers = { numbers: Partial<Record<Register, string>>; consent: boolean };

/**
 * Registry numbers from flat form values (`registry.BIG` = "12345678901", `registryConsent` = "on"). Every
 * field optional; a number given must fit its register's format (lib/certificates/registers.ts). An issue's path
 * is the field's name, so the form shows it on that field.
 */
export const registryNumbersSchema = z.record(z.string(), z.unknown()).transform((raw, ctx): RegistryNumbers => {
  const numbers: Partial<Record<Register, string>> = {};
  for (const register of REGISTERS) {
    const value = raw[registryField(register)];
    if (typeof value !== "string" || value.trim() === "") continue;
    if (!validRegistryNumber(register, value)) {
      ctx.addIssue({ code: "custom", path: [registryField(register)], message: register === "BIG" ? "bigFormat" : "registryFormat" });
      continue;
    }
    numbers[register] = normaliseRegistryNumber(register, value);
  }
  const consent = raw[REGISTRY_CONSENT_FIELD];
  return { numbers, consent: consent === "on" || consent === "true" || consent === true };
});

const MAX_CODE = 60;

export type CertificateSettings = {
  conferenceId: string;
  enabled: boolean;
  conferenceCodes: Partial<Record<Register, string>>;
  sessions: Record<string, { minutes: number | null; codes: Partial<Record<Register, string>> }>;
};

/** Field names of the settings form. */
export const settingsField = {
  conferenceCode: (register: Register) => `code.${register}`,
  hours: (sessionId: string) => `hours.${sessionId}`,
  sessionCode: (sessionId: string, register: Register) => `code.${register}.${sessionId}`,
};

/** Hours as people type them ("1,5", "1.5", "2") to whole minutes; null when empty; NaN when not an amount. */
export function minutesOfHours(value: string): number | null {
  const text = value.trim().replace(",", ".");
  if (text === "") return null;
  if (!/^\d{1,2}(\.\d{1,2})?$/.test(text)) return Number.NaN;
  return Math.round(Number(text) * 60);
}

/**
 * The organiser's settings from flat form values: `enabled`, `code.<REGISTER>` for the conference,
 * `hours.<sessionId>` and `code.<REGISTER>.<sessionId>` per session. Which sessions belong to the conference is
 * checked by the mutation, which knows them.
 */
export const certificateSettingsSchema = z.record(z.string(), z.unknown()).transform((raw, ctx): CertificateSettings => {
  const text = (value: unknown) => (typeof value === "string" ? value.trim().replace(/\s+/g, " ") : "");
  const conferenceId = text(raw.conferenceId);
  if (!conferenceId || conferenceId.length > 40) ctx.addIssue({ code: "custom", path: ["conferenceId"], message: "invalid" });
  const settings: CertificateSettings = { conferenceId, enabled: raw.enabled === "on" || raw.enabled === "true" || raw.enabled === true, conferenceCodes: {}, sessions: {} };
  const session = (id: string) => (settings.sessions[id] ??= { minutes: null, codes: {} });
  for (const [key, value] of Object.entries(raw)) {
    const parts = key.split(".");
    const content = text(value);
    if (parts[0] === "hours" && parts.length === 2 && parts[1]) {
      const minutes = minutesOfHours(content);
      if (minutes !== null && (Number.isNaN(minutes) || minutes <= 0 || minutes > 1440)) {
        ctx.addIssue({ code: "custom", path: [key], message: "hours" });
        continue;
      }
      session(parts[1]).minutes = minutes;
    } else if (parts[0] === "code" && parts[1] && isRegister(parts[1]) && (parts.length === 2 || (parts.length === 3 && parts[2]))) {
      if (content.length > MAX_CODE) {
        ctx.addIssue({ code: "custom", path: [key], message: "tooLong" });
        continue;
      }
      if (!content) continue;
      if (parts.length === 2) settings.conferenceCodes[parts[1]] = content;
      else session(parts[2]!).codes[parts[1]] = content;
    }
  }
  return settings;
});

/** The registry fields of a posted form (the sign-up form and the manage page's), as flat values. */
export function registryFromFormData(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value === "string" && (name.startsWith("registry.") || name === REGISTRY_CONSENT_FIELD)) values[name] = value;
  }
  return values;
}

export const revokeSchema = z.object({ certificateId: z.string().min(1).max(40) });
