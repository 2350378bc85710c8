// The dashboard's "Wachtlijst" (issue 14, item 13): the conference's own waiting list and, beside it, the places in
// line for its workshops, both read from lib/places's kept counts, for conferences whose people signed up as
// attendees do.
import { describe, expect, it } from "vitest";
import { findAdminConference } from "@/lib/registrations/admin-queries";
import { listDashboardConferences } from "@/lib/organisations/queries";
import { registerForConference } from "../support/sign-up";
import { createConference, registrationInput, session } from "../support/factories";

describe("the dashboard's waiting lists", () => {
  it("count those waiting for a full workshop as well as those waiting for a place", async () => {
    const conference = await createConference({ capacity: 3, rounds: [[1, 10]] });
    const roundId = conference.rounds[0]?.id ?? "";
    const full = session(conference, 0, 0).id;
    const signUp = (name: string, workshop?: string) =>
      registerForConference(conference.slug, registrationInput({ name, workshops: workshop ? { [roundId]: workshop } : {} }));
    await signUp("Eerste Deelnemer", full);
    // A place in the conference, in line for the full workshop.
    await signUp("Tweede Deelnemer", full);
    await signUp("Derde Deelnemer", full);
    // No place left: on the conference's waiting list (and, with it, in line for the workshop).
    await signUp("Vierde Deelnemer");

    const [row] = (await listDashboardConferences(conference.organisationId)).filter((c) => c.id === conference.id);
    expect(row).toMatchObject({ confirmed: 3, waitlisted: 1, workshopWaitlisted: 2 });
    expect((await findAdminConference(conference.organisationId, conference.id))?.counts).toMatchObject({ waitlisted: 1, workshopWaitlisted: 2 });
  });
});
