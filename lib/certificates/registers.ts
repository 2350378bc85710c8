// The professional registers a certificate can be for, in one place: their names, and the format of a registry
// number where that format is documented. No "server-only": the sign-up and manage forms check the number in the
// browser with the same rule the server applies.
//
// Only the BIG register's format is well documented: a BIG number is 11 digits (CIBG, "BIG-registratienummer").
// For SKJ, Registerplein and Kwaliteitsregister V&VN no public specification was found, so any short code of
// letters, digits, dots, dashes and spaces is accepted there rather than a guessed format.
export const REGISTERS = ["SKJ", "REGISTERPLEIN", "VVN", "BIG"] as const;
export type Register = (typeof REGISTERS)[number];

export const REGISTER_NAMES: Record<Register, string> = {
  SKJ: "SKJ (Stichting Kwaliteitsregister Jeugd)",
  REGISTERPLEIN: "Registerplein",
  VVN: "Kwaliteitsregister V&VN",
  BIG: "BIG-register",
};

/** Short names for columns, file names and the PDF's table. */
export const REGISTER_SHORT: Record<Register, string> = { SKJ: "SKJ", REGISTERPLEIN: "Registerplein", VVN: "V&VN", BIG: "BIG" };

const SHORT_CODE = /^[A-Za-z0-9][A-Za-z0-9.\- ]{0,29}$/;
const FORMATS: Record<Register, { pattern: RegExp; documented: boolean }> = {
  SKJ: { pattern: SHORT_CODE, documented: false },
  REGISTERPLEIN: { pattern: SHORT_CODE, documented: false },
  VVN: { pattern: SHORT_CODE, documented: false },
  BIG: { pattern: /^\d{11}$/, documented: true },
};

/** The form field of a register's number, and of the consent to pass attendance on to the registers. */
export const registryField = (register: Register) => `registry.${register}`;
export const REGISTRY_CONSENT_FIELD = "registryConsent";

export function isRegister(value: string): value is Register {
  return (REGISTERS as readonly string[]).includes(value);
}

/** A number as typed, tidied: outer spaces gone, inner runs of spaces one. For BIG the spaces go altogether. */
export function normaliseRegistryNumber(register: Register, value: string): string {
  const trimmed = value.trim().replace(/\s+/g, " ");
  return register === "BIG" ? trimmed.replace(/ /g, "") : trimmed;
}

/** Whether the (normalised) number fits the register's format. */
export function validRegistryNumber(register: Register, value: string): boolean {
  return FORMATS[register].pattern.test(normaliseRegistryNumber(register, value));
}

/** Whether the register's format is a documented one (the form then says what it expects). */
export function hasDocumentedFormat(register: Register): boolean {
  return FORMATS[register].documented;
}
