import { afterAll, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/conferences/[slug]/registrations/route";
import { db } from "@/lib/db";
import { REGISTRATION_RATE_LIMIT } from "@/lib/registrations/rate-limits";
import { registrationOfToken } from "@/lib/registrations/manage-links";
import { createConference, discardTestEmails, emailsTo, manageTokenFrom, round, session, uniqueEmail, uniqueSuffix } from "../support/factories";

// Next's cache only exists inside a Next server; everything else here is the real route handler, the real
// rate limiter and the real database. The e2e suite and the rush benchmark go through a real `next start`.
vi.mock("@/lib/conferences/revalidate", () => ({ revalidateConference: () => {}, revalidateConferenceList: () => {} }));

type Body = { error?: string; status?: string; message?: { nl: string; en: string }; fields?: Record<string, { nl: string; en: string }>; [key: string]: unknown };

/** Each test its own client address, so the rate limit of one test never answers another. */
function clientAddress(): string {
  const n = Number.parseInt(uniqueSuffix().slice(0, 6), 16);
  return `203.0.113.${n % 250}, 10.${(n >> 8) & 255}.${n & 255}.1`;
}

async function post(slug: string, body: unknown, headers: Record<string, string> = {}, address = clientAddress()) {
  const request = new Request(`http://localhost/api/conferences/${slug}/registrations`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": address, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const response = await POST(request, { params: Promise.resolve({ slug }) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Body };
}

const valid = () => ({ name: "Fatima El Idrissi", email: uniqueEmail("api"), privacyConsent: true });

describe("POST /api/conferences/[slug]/registrations", () => {
  afterAll(async () => {
    await discardTestEmails();
    await db.$disconnect();
  });

  it("answers 202 with what was decided; an address already registered is told so, and nothing of that registration", async () => {
    const conference = await createConference({ rounds: [[5]] });
    const r0 = round(conference, 0);
    const body = { ...valid(), workshops: { [r0.id]: session(conference, 0, 0).id } };
    const first = await post(conference.slug, body);
    const again = await post(conference.slug, { ...valid(), email: body.email.toUpperCase(), name: "Iemand Anders" });

    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({
      status: "received",
      registration: {
        status: "confirmed",
        waitlistPosition: null,
        workshops: [{ roundId: r0.id, sessionId: session(conference, 0, 0).id, status: "confirmed" }],
        rankedRoundIds: [],
      },
    });
    expect(first.body.message?.nl).toContain(body.email);
    expect(first.headers.get("cache-control")).toBe("no-store, no-transform");
    // The owner of the address hears the rest by email; the answer holds no status or workshop of theirs.
    expect(again.status).toBe(202);
    expect(again.body).toEqual({ status: "alreadyRegistered", message: { nl: expect.stringContaining(body.email.toUpperCase()), en: expect.any(String) } });
    expect(await db.registration.count({ where: { conferenceId: conference.id } })).toBe(1);
    expect((await emailsTo(body.email)).map((e) => e.kind)).toEqual(["registration.confirmed", "registration.alreadyRegistered"]);
  });

  it("mails the owner of an address registered again at most once per 10 minutes, with the same answer every time", async () => {
    const conference = await createConference();
    const body = valid();
    expect((await post(conference.slug, body)).status).toBe(202);
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await post(conference.slug, { ...body, name: `Aanvaller ${i}` }));
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202, 202]);
    for (const answer of answers) expect({ ...answer.body, message: undefined }).toEqual({ ...answers[0]?.body, message: undefined });
    const emails = await emailsTo(body.email);
    expect(emails.map((e) => e.kind)).toEqual(["registration.confirmed", "registration.alreadyRegistered"]);
    // A throttled attempt changes nothing: the link in the last email that left still opens the registration.
    const link = manageTokenFrom(emails.at(-1)?.textBody ?? "");
    expect(await registrationOfToken(link)).not.toBeNull();
    // Another conference is another owner's email: not held back by the first.
    const other = await createConference();
    expect((await post(other.slug, body)).status).toBe(202);
    expect((await post(other.slug, body)).status).toBe(202);
    expect((await emailsTo(body.email)).map((e) => e.kind)).toEqual([
      "registration.confirmed",
      "registration.alreadyRegistered",
      "registration.confirmed",
      "registration.alreadyRegistered",
    ]);
  });

  it("makes one registration of a retried request with the same Idempotency-Key", async () => {
    const conference = await createConference();
    const body = valid();
    const key = `retry-${uniqueSuffix()}`;
    const answers = await Promise.all([post(conference.slug, body, { "idempotency-key": key }), post(conference.slug, body, { "idempotency-key": key })]);
    expect(answers.map((a) => a.status)).toEqual([202, 202]);
    expect(await db.registration.count({ where: { conferenceId: conference.id } })).toBe(1);
    expect(await emailsTo(body.email)).toHaveLength(1);
  });

  it("refuses what is not JSON, too large or unparsable, before anything else", async () => {
    const conference = await createConference();
    const slug = conference.slug;
    expect((await post(slug, valid(), { "content-type": "text/plain" })).status).toBe(415);
    expect((await post(slug, valid(), { "content-type": "application/x-www-form-urlencoded" })).body.error).toBe("unsupported_media_type");
    const big = JSON.stringify({ ...valid(), dietaryNeeds: "x".repeat(17 * 1024) });
    const declared = await post(slug, big, { "content-length": String(Buffer.byteLength(big)) });
    expect([declared.status, declared.body.error]).toEqual([413, "payload_too_large"]);
    const streamed = await post(slug, big);
    expect(streamed.status).toBe(413);
    const broken = await post(slug, '{"name": "Fatima", ');
    expect([broken.status, broken.body.error]).toEqual([400, "invalid_json"]);
    const badKey = await post(slug, valid(), { "idempotency-key": "kort" });
    expect([badKey.status, badKey.body.error]).toEqual([400, "invalid_idempotency_key"]);
    expect(await db.registration.count({ where: { conferenceId: conference.id } })).toBe(0);
  });

  it("refuses invalid fields with 422 and a message per field in Dutch and English", async () => {
    const conference = await createConference();
    const answer = await post(conference.slug, { name: "", email: "geen-adres", privacyConsent: false, organisation: "o".repeat(161), isAdmin: true });

    expect(answer.status).toBe(422);
    expect(answer.body.error).toBe("validation_failed");
    expect(Object.keys(answer.body.fields ?? {}).sort()).toEqual(["email", "isAdmin", "name", "organisation", "privacyConsent"]);
    expect(answer.body.fields?.isAdmin).toEqual({ nl: "Onbekend veld.", en: "Unknown field." });
    for (const field of ["name", "email", "privacyConsent", "organisation"]) {
      const message = answer.body.fields?.[field];
      expect(message?.nl.length).toBeGreaterThan(3);
      expect(message?.en.length).toBeGreaterThan(3);
      expect(message?.nl).not.toBe(message?.en);
      expect(message?.nl).not.toMatch(/^validation\./);
    }
    expect(await db.registration.count({ where: { conferenceId: conference.id } })).toBe(0);
  });

  it("says why registration is not possible", async () => {
    const draft = await createConference({ status: "DRAFT" });
    const cancelled = await createConference({ status: "CANCELLED" });
    const full = await createConference({ rounds: [[0]] });

    expect((await post(draft.slug, valid())).status).toBe(404);
    expect((await post(`onbekend-${uniqueSuffix()}`, valid())).body.error).toBe("not_found");
    const notOpen = await post(cancelled.slug, valid());
    expect([notOpen.status, notOpen.body.error, notOpen.body.state]).toEqual([409, "registration_not_open", "cancelled"]);
    const invalid = await post(full.slug, { ...valid(), workshops: { [round(full, 0).id]: "bestaat-niet" } });
    expect([invalid.status, invalid.body.error, invalid.body.sessionIds]).toEqual([422, "invalid_workshop", ["bestaat-niet"]]);
  });

  it("puts whoever chooses a full workshop on its waiting list, also an old client that still sends waitForFullWorkshops", async () => {
    const full = await createConference({ rounds: [[0]] });
    const workshops = { [round(full, 0).id]: session(full, 0, 0).id };
    for (const extra of [{}, { waitForFullWorkshops: false }, { waitForFullWorkshops: true }]) {
      const answer = await post(full.slug, { ...valid(), workshops, ...extra });
      expect(answer.status).toBe(202);
      expect(answer.body.registration).toMatchObject({ status: "confirmed", workshops: [{ sessionId: session(full, 0, 0).id, status: "waitlisted" }] });
    }
    // Anything else unknown is still refused, by name.
    const unknown = await post(full.slug, { ...valid(), waitForEver: true });
    expect([unknown.status, unknown.body.fields?.waitForEver?.en]).toEqual([422, "Unknown field."]);
  });

  it("limits one client address to RATE_LIMIT_REGISTRATIONS attempts (20), then answers 429 with Retry-After", async () => {
    const address = clientAddress();
    const slug = `onbekend-${uniqueSuffix()}`;
    for (let i = 0; i < REGISTRATION_RATE_LIMIT.limit; i++) expect((await post(slug, valid(), {}, address)).status).toBe(404);

    const limited = await post(slug, valid(), {}, address);
    expect(limited.status).toBe(429);
    expect(limited.body.error).toBe("rate_limited");
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    // Another client is not affected; with TRUSTED_PROXY_HOPS=0 only the last X-Forwarded-For entry counts.
    expect((await post(slug, valid())).status).toBe(404);
    expect((await post(slug, valid(), {}, `198.51.100.7, ${address}`)).status).toBe(429);
  });
});
