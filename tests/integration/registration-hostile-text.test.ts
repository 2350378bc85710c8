import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { registerForConference } from "../support/sign-up";
import { createConference, discardTestEmails, registrationInput } from "../support/factories";

// Whatever a hostile or merely unusual visitor types must land in the database exactly as typed, and must
// never be read as SQL, through every step of a sign-up: places_register's parameters, the email's draft
// and its rendering. (Name, organisation and job role are one line each: a line break there is refused by the
// schema, see hostile-text-fields.test.ts, so those get the text with its line break as a space.)
const HOSTILE = [
  "O'Brien; DROP TABLE registrations; --",
  String.raw`back\slash \' \\' end`,
  "$$ dollar $$ quoted $tag$",
  "Zoë d'Hondt – “aanhalingstekens” 😀",
  "E'escape' U&'\\0041'",
  "line\nbreak\ttab",
];

describe("registration values that look like SQL", () => {
  afterAll(async () => {
    await discardTestEmails();
    await db.$disconnect();
  });

  it("stores hostile text byte for byte and leaves the schema untouched", async () => {
    const conference = await createConference();
    for (const [index, text] of HOSTILE.entries()) {
      const line = text.replace(/\n/g, " ");
      const input = registrationInput({
        name: `Naam ${index} ${line}`.slice(0, 120),
        organisation: line,
        jobRole: line.slice(0, 120),
        dietaryNeeds: text,
        accessibilityNeeds: text,
      });
      const outcome = await registerForConference(conference.slug, input, {});
      expect(outcome.ok, `registration ${index} (${JSON.stringify(text)})`).toBe(true);

      const stored = await db.registration.findFirstOrThrow({
        where: { conferenceId: conference.id, email: input.email },
      });
      expect(stored.name).toBe(input.name);
      expect(stored.organisation).toBe(input.organisation);
      expect(stored.jobRole).toBe(input.jobRole);
      expect(stored.dietaryNeeds).toBe(input.dietaryNeeds);
      expect(stored.accessibilityNeeds).toBe(input.accessibilityNeeds);
    }
    expect(await db.registration.count({ where: { conferenceId: conference.id } })).toBe(HOSTILE.length);
  });
});
