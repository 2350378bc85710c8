// Who may open a conference's door. Every refusal but "signed out" looks the same as a conference that does
// not exist, so a guessed URL tells nothing.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AuthorizationError, checkInAccessFor, checkInAccessOf } from "@/lib/checkin/access";
import type { Role } from "@/lib/generated/prisma/enums";
import { createConference, uniqueEmail } from "../support/factories";
import { createSession } from "../support/organisation-factories";

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

describe("checkInAccessOf (the door's API, by the session cookie)", () => {
  const request = (cookie?: string) => new Request("http://podium.test/api/checkin/x/counts", { headers: cookie ? { cookie } : {} });

  it("lets in the host whose session cookie comes with the request, under either of Auth.js's cookie names", async () => {
    const conference = await createConference();
    const host = await member(conference.organisationId, "HOST");
    const token = await createSession(host);
    for (const cookie of [`authjs.session-token=${token}`, `theme=dark; __Secure-authjs.session-token=${token}; lang=nl`]) {
      const access = await checkInAccessOf(request(cookie), conference.slug);
      expect(access.conference.id).toBe(conference.id);
      expect(access.host).toEqual(host);
    }
  });

  it("treats no cookie, an unknown token and an expired session as signed out, whatever the slug", async () => {
    const conference = await createConference();
    const host = await member(conference.organisationId, "HOST");
    const expired = await createSession(host, new Date(Date.now() - 1000));
    for (const cookie of [undefined, "authjs.session-token=", `authjs.session-token=${"0".repeat(64)}`, `authjs.session-token=${expired}`]) {
      expect(await refusal(checkInAccessOf(request(cookie), conference.slug))).toBe("unauthenticated");
      expect(await refusal(checkInAccessOf(request(cookie), "bestaat-niet"))).toBe("unauthenticated");
    }
  });

  it("answers not found to a valid session of someone without the door role there, and ends with the session", async () => {
    const conference = await createConference();
    const elsewhere = await createConference();
    const otherHost = await member(elsewhere.organisationId, "HOST");
    expect(await refusal(checkInAccessOf(request(`authjs.session-token=${await createSession(otherHost)}`), conference.slug))).toBe("notFound");

    // Signing out removes the session row: the next request of that phone is signed out.
    const host = await member(conference.organisationId, "HOST");
    const token = await createSession(host);
    await checkInAccessOf(request(`authjs.session-token=${token}`), conference.slug);
    await db.session.delete({ where: { sessionToken: token } });
    expect(await refusal(checkInAccessOf(request(`authjs.session-token=${token}`), conference.slug))).toBe("unauthenticated");
  });
});
