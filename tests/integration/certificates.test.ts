// Certificates of attendance (issue 15, points 3-6) against a real PostgreSQL: issued once per person who came,
// across instances, with an email in their language; the PDF says what they attended (read back with
// pdftotext); /certificaat/<code> shows the snapshot and then "revoked"; the register's CSV holds only people
// who consented; an erase takes the registry numbers and leaves the verification.
import { randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runAuthorized, type ActionDefinition } from "@/lib/auth/authorized-action";
import type { CurrentUser } from "@/lib/auth/session";
import { revokeCertificateDefinition, saveCertificateSettingsDefinition } from "@/lib/certificates/definitions";
import { saveRegistryNumbersByToken } from "@/lib/registrations/registry-numbers";
import { issueDueCertificates, setRegistryNumbers } from "@/lib/certificates/mutations";
import { verifyCertificate } from "@/lib/certificates/queries";
import { recordScan } from "@/lib/checkin/scan";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { eraseRegistration } from "@/lib/places/mutations";
import { exportByToken } from "@/lib/registrations/manage";
import { GET as certificateRoute } from "@/app/api/manage/[token]/certificate/route";
import { POST as exportRoute } from "@/app/[locale]/(dashboard)/beheer/[organisation]/conferenties/[conference]/certificaten/export/[register]/route";
import { parseCsv } from "../support/csv";
import { pdfImages, pdfInfo, pdfText } from "../support/pdf";
import { registerForConference } from "../support/sign-up";
import { createConference, discardTestEmails, manageTokenFrom, registrationInput, session, uniqueEmail, type TestConference } from "../support/factories";
import { addMember, createUser } from "../support/organisation-factories";

const signedIn = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => signedIn.user }));

type AnyDefinition = ActionDefinition<never, unknown, string>;
const HOUR = 3_600_000;

let conference: TestConference;
let startsAt: Date;
let endsAt: Date;
let organiser: CurrentUser;
let slug: string;
let keynoteId: string;
let workshopA: string;
let workshopB: string;
const people: Record<"zoe" | "tom" | "absent", { id: string; email: string; ticketCode: string }> = {} as never;
const instances: pg.Pool[] = [];

function instance(): pg.Pool {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4, options: "-c TimeZone=UTC" });
  instances.push(pool);
  return pool;
}

async function signUp(name: string, workshop: string, locale: "nl" | "en") {
  const email = uniqueEmail("certificaat");
  const outcome = await registerForConference(conference.slug, registrationInput({ name, email, locale, workshops: { [conference.rounds[0]!.id]: workshop } }));
  if (!outcome.ok || !outcome.registrationId) throw new Error(`registration failed: ${JSON.stringify(outcome)}`);
  const { ticketCode } = await db.registration.findUniqueOrThrow({ where: { id: outcome.registrationId }, select: { ticketCode: true } });
  return { id: outcome.registrationId, email, ticketCode };
}

async function settings(values: Record<string, string>) {
  return runAuthorized(saveCertificateSettingsDefinition as unknown as AnyDefinition, organiser, { conferenceId: conference.id, ...values });
}

async function certificateEmails(email: string) {
  return db.emailOutbox.findMany({ where: { toAddress: email, kind: "certificate.issued" } });
}

async function download(token: string, query = "") {
  return certificateRoute(new Request(`http://podium.test/api/manage/${token}/certificate${query}`), { params: Promise.resolve({ token }) });
}

beforeAll(async () => {
  conference = await createConference({ rounds: [[20, 20]] });
  ({ startsAt, endsAt } = await db.conference.findUniqueOrThrow({ where: { id: conference.id }, select: { startsAt: true, endsAt: true } }));
  ({ slug } = await db.organisation.findUniqueOrThrow({ where: { id: conference.organisationId }, select: { slug: true } }));
  organiser = await createUser("organisator");
  await addMember(conference.organisationId, organiser, "ORGANISER");
  const keynote = await db.programmeSession.create({
    data: { conferenceId: conference.id, title: "Opening: samen sterker", kind: "KEYNOTE", startsAt, endsAt: new Date(startsAt.getTime() + 0.75 * HOUR) },
  });
  keynoteId = keynote.id;
  workshopA = session(conference, 0, 0).id;
  workshopB = session(conference, 0, 1).id;
  people.zoe = await signUp("Zoë d'Hondt", workshopA, "nl");
  people.tom = await signUp("Tom Bakker", workshopB, "en");
  people.absent = await signUp("Niet Gekomen", workshopA, "nl");

  // The organisation's logo, uploaded as every photo is (WebP in UPLOADS_DIR).
  const file = `photos/logo-${randomUUID()}.webp`;
  await mkdir(path.join(path.resolve(env.UPLOADS_DIR), "photos"), { recursive: true });
  await writeFile(path.join(path.resolve(env.UPLOADS_DIR), file), await sharp({ create: { width: 300, height: 100, channels: 3, background: "#0b4652" } }).webp().toBuffer());
  const logo = await db.photo.create({ data: { organisationId: conference.organisationId, file, mimeType: "image/webp", width: 300, height: 100, altText: "Logo" } });
  await db.organisation.update({ where: { id: conference.organisationId }, data: { logoPhotoId: logo.id } });

  // Zoë: at the door before the keynote, in workshop A's room. Tom: at the door after the keynote (so no
  // keynote), and in workshop B's room. Nobody else came.
  const door = async (ticketCode: string, at: Date) =>
    expect((await recordScan({ conferenceId: conference.id, code: ticketCode, method: "QR", scannedAt: at, clientNonce: randomUUID(), deviceId: "door", hostUserId: null })).kind).toBe("welcome");
  const room = (registrationId: string, sessionId: string, at: Date) =>
    db.checkIn.create({ data: { conferenceId: conference.id, registrationId, sessionId, method: "QR", scannedAt: at, deviceId: "room", clientNonce: randomUUID() } });
  await door(people.zoe.ticketCode, new Date(startsAt.getTime() - 0.25 * HOUR));
  await room(people.zoe.id, workshopA, new Date(startsAt.getTime() + HOUR));
  await door(people.tom.ticketCode, new Date(startsAt.getTime() + 0.9 * HOUR));
  await room(people.tom.id, workshopB, new Date(startsAt.getTime() + HOUR));
});

afterAll(async () => {
  await Promise.all(instances.map((pool) => pool.end()));
  await discardTestEmails();
  await db.$disconnect();
});

describe("certificates", () => {
  it("refuses hours that are not an amount, on their field, and saves nothing", async () => {
    const outcome = await settings({ enabled: "on", [`hours.${workshopA}`]: "anderhalf" });
    expect(outcome).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { [`hours.${workshopA}`]: "hours" } });
    expect((await db.conference.findUniqueOrThrow({ where: { id: conference.id } })).certificatesEnabled).toBe(false);
  });

  it("issues nothing while certificates are off or the conference has not ended", async () => {
    expect(await issueDueCertificates(new Date(endsAt.getTime() + HOUR))).toBe(0);
    const saved = await settings({
      enabled: "on",
      "code.SKJ": "SKJ-2027-0042",
      [`hours.${keynoteId}`]: "0,75",
      [`hours.${workshopA}`]: "1,5",
      [`hours.${workshopB}`]: "1",
      [`code.SKJ.${workshopA}`]: "SKJ-WS-A",
      [`code.BIG.${workshopA}`]: "BIG-778",
    });
    expect(saved).toMatchObject({ ok: true });
    expect(await db.auditLogEntry.count({ where: { organisationId: conference.organisationId, action: "certificates.settings_changed" } })).toBe(1);
    expect(await issueDueCertificates(new Date(endsAt.getTime() - 60_000))).toBe(0);
    expect(await db.certificate.count({ where: { conferenceId: conference.id } })).toBe(0);
  });

  it("issues one certificate and one email per person who came, once, when two instances look at the same moment", async () => {
    const after = new Date(endsAt.getTime() + HOUR);
    const issued = await Promise.all([issueDueCertificates(after, instance()), issueDueCertificates(after, instance())]);
    expect(issued.reduce((a, b) => a + b, 0)).toBe(2);
    expect(await issueDueCertificates(after, instance())).toBe(0);
    const certificates = await db.certificate.findMany({ where: { conferenceId: conference.id }, orderBy: { holderName: "asc" } });
    expect(certificates.map((c) => [c.holderName, c.minutes])).toEqual([
      ["Tom Bakker", 60],
      ["Zoë d'Hondt", 45 + 90],
    ]);
    // 26 characters of Crockford base32: 130 random bits.
    for (const c of certificates) expect(c.verificationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(await certificateEmails(people.zoe.email)).toHaveLength(1);
    expect(await certificateEmails(people.tom.email)).toHaveLength(1);
    expect(await certificateEmails(people.absent.email)).toHaveLength(0);
    const [zoeMail] = await certificateEmails(people.zoe.email);
    const [tomMail] = await certificateEmails(people.tom.email);
    expect(zoeMail?.subject).toContain("Je certificaat van deelname");
    expect(tomMail?.subject).toContain("Your certificate of attendance");
    // The link is a manage link: nothing in it but the token.
    expect(zoeMail?.textBody).toMatch(/\/api\/manage\/[A-Za-z0-9_-]{40,}\/certificate/);
    expect(zoeMail?.textBody).not.toContain(people.zoe.id);
  });

  it("draws the PDF from what each person attended: names, hours, codes, the verification URL", async () => {
    const [zoeMail] = await certificateEmails(people.zoe.email);
    const token = manageTokenFrom(zoeMail?.textBody ?? "");
    const response = await download(token);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const pdf = new Uint8Array(await response.arrayBuffer());
    const info = await pdfInfo(pdf);
    expect(info).toMatchObject({ pages: 1, width: 595.28, height: 841.89 }); // A4
    const text = await pdfText(pdf);
    const { verificationCode } = await db.certificate.findUniqueOrThrow({ where: { registrationId: people.zoe.id } });
    const { title } = await db.conference.findUniqueOrThrow({ where: { id: conference.id } });
    expect(text).toContain("Certificaat van deelname");
    expect(text).toContain("Zoë d'Hondt");
    expect(text).toContain(title);
    expect(text).toContain("Testorganisatie");
    expect(text).toContain("Theater De Test, Dordrecht");
    expect(text).toMatch(/Opening: samen sterker\s+0,75/);
    expect(text).toMatch(/Workshop 1A\s+1,5\s+SKJ: SKJ-WS-A/);
    expect(text).toContain("BIG: BIG-778");
    expect(text).not.toContain("Workshop 1B");
    expect(text).toMatch(/Totaal geaccrediteerde uren\s+2,25/);
    expect(text).toContain("Accreditatie: SKJ: SKJ-2027-0042");
    expect(text).toContain(`/certificaat/${verificationCode}`);
    // The logo and the QR code of the verification URL.
    expect((await pdfImages(pdf)).length).toBe(2);

    // Tom's in English: his workshop, not the keynote he missed.
    const [tomMail] = await certificateEmails(people.tom.email);
    const tom = await pdfText(new Uint8Array(await (await download(manageTokenFrom(tomMail?.textBody ?? ""), "?taal=en")).arrayBuffer()));
    expect(tom).toContain("Certificate of attendance");
    expect(tom).toContain("Tom Bakker");
    expect(tom).toMatch(/Workshop 1B\s+1/);
    expect(tom).not.toContain("Opening: samen sterker");
    expect(tom).toMatch(/Total accredited hours\s+1/);
    expect(tom).toContain("/en/certificaat/");

    // Someone else's token, or none: nothing.
    expect((await download("x".repeat(43))).status).toBe(404);
  });

  it("verifies by code, shows only the snapshot, and says revoked after the organiser revokes", async () => {
    const certificate = await db.certificate.findUniqueOrThrow({ where: { registrationId: people.zoe.id } });
    expect(await verifyCertificate(certificate.verificationCode.toLowerCase())).toEqual({
      holderName: "Zoë d'Hondt",
      conferenceTitle: expect.stringContaining("Testconferentie"),
      conferenceStartsAt: startsAt,
      minutes: 135,
      revokedAt: null,
    });
    expect(await verifyCertificate("0".repeat(26))).toBeNull();
    expect(await verifyCertificate("../../etc")).toBeNull();

    const revoke = (id: string) => runAuthorized(revokeCertificateDefinition as unknown as AnyDefinition, organiser, { certificateId: id });
    expect(await revoke(certificate.id)).toMatchObject({ ok: true });
    expect(await revoke(certificate.id)).toMatchObject({ ok: false, reason: "alreadyRevoked" });
    expect((await verifyCertificate(certificate.verificationCode))?.revokedAt).toBeInstanceOf(Date);
    const audit = await db.auditLogEntry.findMany({ where: { organisationId: conference.organisationId, action: "certificate.revoked" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: organiser.id, entityId: certificate.id });

    const [zoeMail] = await certificateEmails(people.zoe.email);
    const text = await pdfText(new Uint8Array(await (await download(manageTokenFrom(zoeMail?.textBody ?? ""))).arrayBuffer()));
    expect(text).toContain("Dit certificaat is ingetrokken.");
  });

  it("takes registry numbers from the manage page, refusing a wrong one on its field", async () => {
    const [zoeMail] = await certificateEmails(people.zoe.email);
    const token = manageTokenFrom(zoeMail?.textBody ?? "");
    const refused = await saveRegistryNumbersByToken(token, { "registry.SKJ": "100123456", "registry.BIG": "1234", registryConsent: "on" });
    expect(refused).toMatchObject({ status: "error", fieldErrors: { "registry.BIG": "certificates.validation.bigFormat" }, values: { "registry.BIG": "1234" } });
    expect(await db.registryNumber.count({ where: { registrationId: people.zoe.id } })).toBe(0);
    const saved = await saveRegistryNumbersByToken(token, { "registry.SKJ": "100123456", "registry.BIG": "123 4567 8901", registryConsent: "on" });
    expect(saved).toMatchObject({ status: "saved" });
    const rows = await db.registryNumber.findMany({ where: { registrationId: people.zoe.id }, orderBy: { register: "asc" } });
    expect(rows.map((r) => [r.register, r.number, r.consentedAt !== null])).toEqual([
      ["BIG", "12345678901", true],
      ["SKJ", "100123456", true],
    ]);
    expect(await saveRegistryNumbersByToken("y".repeat(43), { "registry.SKJ": "1" })).toMatchObject({ status: "error", formError: "certificates.manage.notFound" });
  });

  it("exports a register's attendance list with only the people who consented, and audits it", async () => {
    await setRegistryNumbers(people.tom.id, { numbers: { SKJ: "100999999" }, consent: false });
    // Zoë's certificate was revoked above: give her a fresh one so she counts again.
    await db.certificate.updateMany({ where: { registrationId: people.zoe.id }, data: { revokedAt: null } });
    signedIn.user = organiser;
    const post = (register: string) =>
      exportRoute(new Request("http://podium.test/x", { method: "POST", body: new FormData(), headers: { origin: "http://podium.test", host: "podium.test" } }), {
        params: Promise.resolve({ locale: "nl", organisation: slug, conference: conference.id, register }),
      });
    const response = await post("skj");
    expect(response.status).toBe(200);
    const { rows } = parseCsv(await response.text());
    expect(rows[0]).toEqual(["Naam", "Registratienummer", "Activiteit", "Datum", "Uren", "Accreditatiecode"]);
    const { title } = await db.conference.findUniqueOrThrow({ where: { id: conference.id } });
    // Each activity on its own day in Amsterdam (a workshop an hour after a late start falls on the next).
    const day = (at: Date) => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Amsterdam" }).format(at);
    const workshopStart = (await db.programmeSession.findUniqueOrThrow({ where: { id: workshopA } })).startsAt;
    // The keynote has no SKJ code of its own: its hours go under the conference's code; workshop A has its own.
    expect(rows.slice(1)).toEqual([
      ["Zoë d'Hondt", "100123456", title, day(startsAt), "0,75", "SKJ-2027-0042"],
      ["Zoë d'Hondt", "100123456", `${title}: Workshop 1A`, day(workshopStart), "1,5", "SKJ-WS-A"],
    ]);
    expect(await db.auditLogEntry.count({ where: { organisationId: conference.organisationId, action: "certificates.register_exported" } })).toBe(1);
    expect((await post("onbekend")).status).toBe(404);

    // A revoked certificate leaves the list.
    await db.certificate.updateMany({ where: { registrationId: people.zoe.id }, data: { revokedAt: new Date() } });
    expect(parseCsv(await (await post("skj")).text()).rows).toHaveLength(1);
  });

  it("keeps the verification after the person is erased, and takes their registry numbers", async () => {
    const certificate = await db.certificate.findUniqueOrThrow({ where: { registrationId: people.tom.id } });
    const [tomMail] = await certificateEmails(people.tom.email);
    const token = manageTokenFrom(tomMail?.textBody ?? "");
    // Tom's number (given without consent, above) is in his own data download until he erases.
    const data = await exportByToken(token);
    expect(data?.registryNumbers).toEqual([{ register: "SKJ", number: "100999999", consentedAt: null }]);
    expect(data?.certificate).toMatchObject({ verificationCode: certificate.verificationCode, minutes: 60, revokedAt: null });
    expect(await eraseRegistration(people.tom.id)).toEqual({ ok: true });
    expect(await db.registryNumber.count({ where: { registrationId: people.tom.id } })).toBe(0);
    expect(await verifyCertificate(certificate.verificationCode)).toMatchObject({ holderName: "Tom Bakker", minutes: 60, revokedAt: null });
    expect((await download(token)).status).toBe(404);
  });
});
