import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runAuthorized, type ActionDefinition } from "@/lib/auth/authorized-action";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { save, unpublish } from "@/lib/reports/definitions";
import { discardPhotoFile } from "@/lib/uploads/store";
import { createOrganisation, type TestOrganisation } from "../support/organisation-factories";
import { createReportLinks, pngFile, reportForm, reportSnapshot } from "../support/report-factories";

// next-auth's ESM build imports "next/server" in a way only Next's bundler resolves; these tests pass the user
// in explicitly and never need a session.
vi.mock("@/auth", () => ({ auth: async () => null, signIn: async () => undefined, signOut: async () => undefined }));

// Every action of the report editor (it has no route handlers: the pages read through
// requireOrganisationPage and the forms post to these actions), run as each kind of outsider: each must be
// refused (the reason maps to 401/403/404) and leave the organisation exactly as it was: reports, their
// photos, quotes, links, speakers and dossiers, and the audit log.

type AnyDefinition = ActionDefinition<never, unknown, string>;

let home: TestOrganisation;
let other: TestOrganisation;
let published: { id: string; slug: string };

beforeAll(async () => {
  [home, other] = await Promise.all([createOrganisation(), createOrganisation()]);
  const outcome = await runAuthorized(save as unknown as AnyDefinition, home.organiser, reportForm(home.id, { intent: "publish" }));
  if (!outcome.ok) throw new Error("could not publish the test report");
  const data = outcome.data as { reportId: string; slug: string };
  published = { id: data.reportId, slug: data.slug };
});
afterAll(async () => {
  const photos = await db.photo.findMany({ where: { organisationId: { in: [home.id, other.id] } }, select: { file: true } });
  await Promise.all(photos.map((p) => discardPhotoFile(p.file)));
  await db.$disconnect();
});

/** One input per action and target, each aimed at the home organisation. */
async function actions(): Promise<Array<{ name: string; definition: AnyDefinition; input: Record<string, unknown> }>> {
  const linked = await createReportLinks(home.id);
  const full = {
    conferenceId: linked.conference.id,
    [`speakers.${linked.speaker.id}`]: "on",
    [`dossiers.${linked.dossier.id}`]: "on",
    "quotes.0.text": "Overgenomen!",
    "links.0.label": "Elders",
    "links.0.url": "https://evil.example",
    cover: await pngFile(),
    coverAlt: "Een foto van een indringer.",
  };
  return [
    { name: "create a report", definition: save as unknown as AnyDefinition, input: reportForm(home.id, full) },
    { name: "publish a new report", definition: save as unknown as AnyDefinition, input: reportForm(home.id, { ...full, intent: "publish" }) },
    {
      name: "edit the published report",
      definition: save as unknown as AnyDefinition,
      input: reportForm(home.id, { ...full, reportId: published.id, title: "Gekaapt", slug: "gekaapt" }),
    },
    {
      // The form names the stranger's own organisation, the id is the home report: the record decides.
      name: "edit the published report through another organisation",
      definition: save as unknown as AnyDefinition,
      input: reportForm(other.id, { reportId: published.id, title: "Gekaapt" }),
    },
    { name: "schedule the published report", definition: save as unknown as AnyDefinition, input: reportForm(home.id, { reportId: published.id, intent: "schedule", publishAt: "2099-01-01T10:00" }) },
    { name: "unpublish the published report", definition: unpublish as unknown as AnyDefinition, input: { reportId: published.id } },
  ];
}

describe("report editor actions", () => {
  const outsiders: Array<[string, () => CurrentUser | null, string[]]> = [
    ["anonymous", () => null, ["unauthenticated"]],
    ["a host of the organisation", () => home.host, ["forbidden"]],
    ["an organiser of another organisation", () => other.organiser, ["notFound"]],
    ["the owner of another organisation", () => other.owner, ["notFound"]],
  ];

  for (const [who, actor, reasons] of outsiders) {
    it(`refuses ${who} every action and changes nothing`, async () => {
      for (const action of await actions()) {
        const before = await reportSnapshot(home.id);
        const otherBefore = await reportSnapshot(other.id);
        const outcome = await runAuthorized(action.definition, actor(), action.input);
        expect(outcome.ok, `${action.name} as ${who}`).toBe(false);
        // The one exception: a stranger creating a report in their own organisation may, but the input here
        // names the home organisation or a home report, so every case is a refusal.
        expect(reasons, `${action.name} as ${who}`).toContain(outcome.ok ? "allowed" : outcome.reason);
        expect(await reportSnapshot(home.id), `${action.name} as ${who}`).toEqual(before);
        expect(await reportSnapshot(other.id), `${action.name} as ${who}`).toEqual(otherBefore);
      }
    });
  }

  it("lets the organiser and the owner of the organisation do each", async () => {
    for (const user of [home.organiser, home.owner]) {
      for (const action of await actions()) {
        const outcome = await runAuthorized(action.definition, user, action.input);
        // Through the other organisation's form the home report is still found by its id, and saved in its
        // own organisation: nothing ever moves between organisations.
        expect(outcome.ok, `${action.name}`).toBe(true);
      }
      const report = await db.report.findUniqueOrThrow({ where: { id: published.id } });
      expect(report.organisationId).toBe(home.id);
    }
  });
});
