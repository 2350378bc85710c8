import { createHash } from "node:crypto";
import { Auth, skipCSRFCheck, type AuthConfig } from "@auth/core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { authConfig } from "@/lib/auth/config";
import { authSecret } from "@/lib/auth/secret";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { uniqueEmail } from "../support/factories";
import { addMember, createOrganisation, createUser, type TestOrganisation } from "../support/organisation-factories";

// The real Auth.js (@auth/core) with our configuration, Prisma 7 adapter and snake_case tables, driven by
// plain Requests the way the route handler and signIn() drive it. Only next-auth's Next.js wrapper is left
// out: its ESM build imports "next/server" in a way only Next's bundler resolves.
vi.mock("@/auth", () => ({ auth: async () => null }));

const ORIGIN = "http://localhost:3000";
let organisation: TestOrganisation;

beforeAll(async () => {
  organisation = await createOrganisation();
});
afterAll(() => db.$disconnect());

// signIn() in the server action skips the CSRF check the same way (next-auth/lib/actions.js).
function config(): AuthConfig {
  return { ...authConfig(undefined), basePath: "/api/auth", skipCSRFCheck };
}

async function requestLink(email: string, options: { origin?: string; locale?: string } = {}): Promise<Response> {
  const body = new URLSearchParams({ email, callbackUrl: "/beheer", locale: options.locale ?? "nl" });
  const request = new Request(`${options.origin ?? ORIGIN}/api/auth/signin/email`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body,
  });
  return Auth(request, config());
}

async function signInEmailsTo(email: string) {
  return db.emailOutbox.findMany({ where: { toAddress: email, kind: "auth.sign-in" }, orderBy: { createdAt: "asc" } });
}

function linkIn(text: string): URL {
  const match = /(https?:\/\/\S+\/inloggen\/bevestigen\?\S+)/.exec(text);
  if (!match?.[1]) throw new Error(`no sign-in link in:\n${text}`);
  return new URL(match[1]);
}

async function useLink(link: URL): Promise<Response> {
  const callback = new URL("/api/auth/callback/email", ORIGIN);
  for (const key of ["token", "email", "callbackUrl"]) callback.searchParams.set(key, link.searchParams.get(key) ?? "");
  return Auth(new Request(callback), config());
}

describe("asking for a sign-in link", () => {
  it("queues one email through the outbox for a member, and stores only a salted hash of its token", async () => {
    const response = await requestLink(organisation.organiser.email);
    expect(response.status).toBe(302);
    // Auth.js's own verify-request URL, which sends on to ours; the server action skips it and goes there itself.
    expect(response.headers.get("location")).toBe(`${ORIGIN}/api/auth/verify-request?provider=email&type=email`);

    const [email, ...more] = await signInEmailsTo(organisation.organiser.email);
    expect(more).toHaveLength(0);
    expect(email?.subject).toBe("Je inloglink voor Podium");
    const link = linkIn(email?.textBody ?? "");
    const token = link.searchParams.get("token") ?? "";
    expect(token).toMatch(/^[0-9a-f]{64}$/);

    const stored = await db.verificationToken.findMany({ where: { identifier: organisation.organiser.email } });
    expect(stored).toHaveLength(1);
    expect(stored[0]?.token).not.toBe(token);
    expect(stored[0]?.token).toBe(createHash("sha256").update(`${token}${authSecret()}`).digest("hex"));
    const minutes = ((stored[0]?.expires.getTime() ?? 0) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
  });

  it("answers an unknown address exactly as a known one, and sends it nothing", async () => {
    const unknown = uniqueEmail("onbekend");
    const known = await requestLink(organisation.host.email);
    const stranger = await requestLink(unknown);
    expect(stranger.status).toBe(known.status);
    expect(stranger.headers.get("location")).toBe(known.headers.get("location"));
    expect(await signInEmailsTo(unknown)).toHaveLength(0);
    expect(await db.user.count({ where: { email: unknown } })).toBe(0);
  });

  it("sends nothing to someone who was removed from every organisation", async () => {
    const former = await createUser("oud-lid");
    await requestLink(former.email);
    expect(await signInEmailsTo(former.email)).toHaveLength(0);
  });

  it("sends a link to an invited address that has no account yet", async () => {
    const invited = uniqueEmail("uitgenodigd");
    await db.memberInvitation.create({
      data: { organisationId: organisation.id, email: invited, role: "HOST", tokenHash: `hash-${invited}`, expiresAt: new Date(Date.now() + 86_400_000) },
    });
    await requestLink(invited);
    expect(await signInEmailsTo(invited)).toHaveLength(1);
  });

  it("builds the link from APP_URL, never from a forged Host, and writes it in the page's language", async () => {
    await requestLink(organisation.owner.email, { origin: "http://evil.example", locale: "en" });
    const [email] = await signInEmailsTo(organisation.owner.email);
    expect(email?.subject).toBe("Your sign-in link for Podium");
    const link = linkIn(email?.textBody ?? "");
    expect(link.origin).toBe(new URL(env.APP_URL).origin);
    expect(link.pathname).toBe("/en/inloggen/bevestigen");
    expect(email?.htmlBody).not.toContain("evil.example");
  });
});

describe("using the link", () => {
  it("starts a database session once; the same link a second time is refused", async () => {
    const user = await createUser("eenmalig");
    await addMember(organisation.id, user, "ORGANISER");
    await requestLink(user.email);
    const [email] = await signInEmailsTo(user.email);
    const link = linkIn(email?.textBody ?? "");

    const first = await useLink(link);
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe(`${ORIGIN}/beheer`);
    const cookie = first.headers.getSetCookie().find((c) => c.startsWith("authjs.session-token="));
    const sessionToken = cookie?.split(";")[0]?.split("=")[1];
    expect(sessionToken).toBeTruthy();
    const session = await db.session.findUnique({ where: { sessionToken: sessionToken ?? "" } });
    expect(session?.userId).toBe(user.id);
    expect(await db.verificationToken.count({ where: { identifier: user.email } })).toBe(0);

    const second = await useLink(link);
    expect(second.headers.get("location")).toBe(`${ORIGIN}/inloggen?error=Verification`);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("refuses an expired link", async () => {
    const user = await createUser("te-laat");
    await addMember(organisation.id, user, "HOST");
    await requestLink(user.email);
    const [email] = await signInEmailsTo(user.email);
    await db.verificationToken.updateMany({ where: { identifier: user.email }, data: { expires: new Date(Date.now() - 1000) } });
    const response = await useLink(linkIn(email?.textBody ?? ""));
    expect(response.headers.get("location")).toBe(`${ORIGIN}/inloggen?error=Verification`);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses a link whose owner lost every membership after it was sent", async () => {
    const user = await createUser("vertrokken");
    const membership = await addMember(organisation.id, user, "HOST");
    await requestLink(user.email);
    const [email] = await signInEmailsTo(user.email);
    await db.membership.delete({ where: { id: membership } });
    const response = await useLink(linkIn(email?.textBody ?? ""));
    expect(response.headers.get("location")).toBe(`${ORIGIN}/inloggen?error=AccessDenied`);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("opens Auth.js's error pages in the language of the link", async () => {
    const callback = new URL("/api/auth/callback/email", ORIGIN);
    callback.searchParams.set("token", "0".repeat(64));
    callback.searchParams.set("email", organisation.owner.email);
    callback.searchParams.set("callbackUrl", "/en/beheer");
    // authConfig reads the request's nextUrl, as next-auth's route handler passes a NextRequest.
    const nextRequest = { nextUrl: callback } as unknown as Parameters<typeof authConfig>[0];
    const response = await Auth(new Request(callback), { ...authConfig(nextRequest), basePath: "/api/auth" });
    expect(response.headers.get("location")).toBe(`${ORIGIN}/en/inloggen?error=Verification`);
  });
});
