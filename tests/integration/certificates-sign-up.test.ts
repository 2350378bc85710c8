// Registry numbers at sign-up (issue 15, point 3), through the public form's server action as a browser without
// JavaScript posts it: a wrong number is refused on its own field (in the person's language), nothing is
// registered and what was typed comes back; a right one is stored with the consent once the sign-up is in.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { translatorsFor } from "@/lib/i18n/translator";
import { registerAction } from "@/lib/registrations/actions";
import { createConference, discardTestEmails, uniqueEmail, type TestConference } from "../support/factories";

vi.mock("@/auth", () => ({ auth: async () => null, signIn: async () => undefined, signOut: async () => undefined }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250)}` }) }));
vi.mock("next/cache", async (original) => ({ ...(await original<typeof import("next/cache")>()), revalidateTag: vi.fn(), revalidatePath: vi.fn(), refresh: vi.fn() }));
vi.mock("@/i18n/navigation", () => ({ redirect: () => undefined }));

let conference: TestConference;

beforeAll(async () => {
  conference = await createConference();
  await db.conference.update({ where: { id: conference.id }, data: { certificatesEnabled: true } });
});
afterAll(async () => {
  await discardTestEmails();
  await db.$disconnect();
});

function signUpForm(email: string, fields: Record<string, string>): FormData {
  const form = new FormData();
  form.set("conferenceSlug", conference.slug);
  form.set("name", "Fatima El Idrissi");
  form.set("email", email);
  form.set("privacyConsent", "on");
  form.set("locale", "en");
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

describe("registry numbers at sign-up", () => {
  it("refuses a BIG number that is not 11 digits on its field, registers nothing, and keeps what was typed", async () => {
    const email = uniqueEmail("register");
    const outcome = await registerAction({ status: "idle" }, signUpForm(email, { "registry.BIG": "1234 567", "registry.SKJ": "110012345", registryConsent: "on" }));
    expect(outcome).toMatchObject({
      status: "error",
      formError: "registration.errors.fix",
      fieldErrors: { "registry.BIG": "certificates.validation.bigFormat" },
      values: { registry: { "registry.BIG": "1234 567", "registry.SKJ": "110012345", registryConsent: "on" } },
    });
    expect(translatorsFor("certificates")("en")("validation.bigFormat")).toBe("A BIG number has 11 digits.");
    expect(translatorsFor("certificates")("nl")("validation.bigFormat")).toBe("Een BIG-nummer bestaat uit 11 cijfers.");
    expect(await db.registration.count({ where: { conferenceId: conference.id, email } })).toBe(0);
  });

  it("stores the numbers and the consent with the new registration", async () => {
    const email = uniqueEmail("register");
    const outcome = await registerAction({ status: "idle" }, signUpForm(email, { "registry.BIG": "190 1234 5601", "registry.VVN": "", registryConsent: "on" }));
    expect(outcome).toMatchObject({ status: "received" });
    const registration = await db.registration.findFirstOrThrow({ where: { conferenceId: conference.id, email }, select: { registryNumbers: true } });
    expect(registration.registryNumbers.map((r) => [r.register, r.number, r.consentedAt !== null])).toEqual([["BIG", "19012345601", true]]);
  });

  it("stores numbers without consent as such: they are on the certificate, not in the register's export", async () => {
    const email = uniqueEmail("register");
    expect(await registerAction({ status: "idle" }, signUpForm(email, { "registry.SKJ": "110012345" }))).toMatchObject({ status: "received" });
    const registration = await db.registration.findFirstOrThrow({ where: { conferenceId: conference.id, email }, select: { registryNumbers: true } });
    expect(registration.registryNumbers.map((r) => [r.register, r.consentedAt])).toEqual([["SKJ", null]]);
  });
});
