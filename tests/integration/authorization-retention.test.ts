// The retention periods (issue 15, point 9) are the owner's to set: refused, changing nothing, to anyone signed
// out, a host, an organiser, or another organisation's owner.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runAuthorized } from "@/lib/auth/authorized-action";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { updateRetention } from "@/lib/retention/definitions";
import { createOrganisation, type TestOrganisation } from "../support/organisation-factories";

vi.mock("@/lib/auth/session", () => ({ currentUser: async () => null }));

let ours: TestOrganisation;
let theirs: TestOrganisation;

beforeAll(async () => {
  ours = await createOrganisation();
  theirs = await createOrganisation();
});

afterAll(async () => {
  await db.$disconnect();
});

async function snapshot() {
  const [organisation, audit] = await Promise.all([
    db.organisation.findUniqueOrThrow({ where: { id: ours.id }, select: { retentionMonths: true, needsRetentionDays: true } }),
    db.auditLogEntry.count({ where: { organisationId: { in: [ours.id, theirs.id] } } }),
  ]);
  return { organisation, audit };
}

const input = () => ({ organisationId: ours.id, retentionMonths: "6", needsRetentionDays: "14" });

describe("setting the retention periods", () => {
  const outsiders: Array<[string, () => CurrentUser | null, string]> = [
    ["anonymous", () => null, "unauthenticated"],
    ["a host of the organisation", () => ours.host, "forbidden"],
    ["an organiser of the organisation", () => ours.organiser, "forbidden"],
    ["the owner of another organisation", () => theirs.owner, "notFound"],
  ];
  for (const [who, actor, reason] of outsiders) {
    it(`is refused to ${who}, and nothing changes`, async () => {
      const before = await snapshot();
      expect(await runAuthorized(updateRetention, actor(), input())).toMatchObject({ ok: false, reason });
      expect(await snapshot()).toEqual(before);
    });
  }

  it("is done by the owner, with an audit entry", async () => {
    expect(await runAuthorized(updateRetention, ours.owner, input())).toEqual({ ok: true, data: { retentionMonths: 6, needsRetentionDays: 14 } });
    expect((await snapshot()).organisation).toEqual({ retentionMonths: 6, needsRetentionDays: 14 });
    const entries = await db.auditLogEntry.findMany({ where: { organisationId: ours.id, action: "organisation.retention_changed" }, select: { actorUserId: true } });
    expect(entries).toEqual([{ actorUserId: ours.owner.id }]);
  });
});
