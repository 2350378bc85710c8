// Who may open a conference's door. Every refusal but "signed out" looks the same as a conference that does
// not exist, so a guessed URL tells nothing.
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { AuthorizationError, checkInAccessFor } from "@/lib/checkin/access";
import type { Role } from "@/lib/generated/prisma/enums";
import { createConference, uniqueEmail } from "../support/factories";

// The session module imports Auth.js, which needs Next's runtime; these tests pass the user in themselves.
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => null }));

async function member(organisationId: string, role: Role) {
  const user = await db.user.create({ data: { email: uniqueEmail(role.toLowerCase()), name: `Lid ${role}` }, select: { id: true, email: true, name: true } });
  await db.membership.create({ data: { organisationId, userId: user.id, role } });
  return user;
}

async function refusal(run: Promise<unknown>): Promise<string> {
  const error = await run.then(() => null, (e: unknown) => e);
  if (!(error instanceof AuthorizationError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error.reason;
}

describe("checkInAccessFor", () => {
  it("lets HOST, ORGANISER and OWNER of the conference's organisation in", async () => {
    const conference = await createConference();
    for (const role of ["HOST", "ORGANISER", "OWNER"] as const) {
      const access = await checkInAccessFor(await member(conference.organisationId, role), conference.slug);
      expect(access.conference.id).toBe(conference.id);
    }
  });

  it("refuses the signed-out before looking the conference up, and everyone else as not found", async () => {
    const conference = await createConference();
    const elsewhere = await createConference();
    expect(await refusal(checkInAccessFor(null, conference.slug))).toBe("unauthenticated");
    expect(await refusal(checkInAccessFor(null, "bestaat-niet"))).toBe("unauthenticated");

    const otherHost = await member(elsewhere.organisationId, "HOST");
    expect(await refusal(checkInAccessFor(otherHost, conference.slug))).toBe("notFound");
    expect(await refusal(checkInAccessFor(otherHost, "bestaat-niet"))).toBe("notFound");

    // The role is read from the database on every call: a host removed a second ago is out.
    const host = await member(conference.organisationId, "HOST");
    await db.membership.deleteMany({ where: { userId: host.id } });
    expect(await refusal(checkInAccessFor(host, conference.slug))).toBe("notFound");
  });
});
