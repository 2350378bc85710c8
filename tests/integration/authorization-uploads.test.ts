// Photos reach the editors' forms only through /api/uploads, which decides who sends one before it reads a
// byte, streams it to disk with the size counted, and hands back a token for the form's server action; no
// action takes a large body any more. Without JavaScript the whole form goes through /api/uploads/form, which
// stages the photo and sends the form on to its page. Each path is run here as a stranger and as an organiser.
import { readdir } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as formRoute } from "@/app/api/uploads/form/route";
import { POST as photoRoute } from "@/app/api/uploads/route";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { uploadingAction } from "@/lib/editor/upload-action";
import { env } from "@/lib/env";
import { createSpeakerDefinition } from "@/lib/speakers/definitions";
import { MAX_UPLOAD_BYTES } from "@/lib/uploads/limits";
import { FORM_UPLOAD_BYTES } from "@/lib/request-guards";
import { stagePhoto, stagedPhoto } from "@/lib/uploads/staging";
import { discardPhotoFile } from "@/lib/uploads/store";
import { createOrganisation, type TestOrganisation } from "../support/organisation-factories";

// Who is signed in is what the session says; here the test decides.
const signedIn = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => signedIn.user }));

let organisation: TestOrganisation;
let png: Buffer;

beforeAll(async () => {
  organisation = await createOrganisation();
  png = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#0b4652" } }).png().toBuffer();
});
afterAll(async () => {
  const photos = await db.photo.findMany({ where: { organisationId: organisation.id }, select: { file: true } });
  await Promise.all(photos.map((p) => discardPhotoFile(p.file)));
  await db.$disconnect();
});

const staged = (user: CurrentUser) => readdir(path.join(path.resolve(env.UPLOADS_DIR), "staging", user.id)).catch(() => [] as string[]);

/** A body that records whether anyone started reading it (highWaterMark 0: nothing is read ahead). */
function watchedBody(bytes: Uint8Array) {
  const watch = { read: false };
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        watch.read = true;
        controller.enqueue(bytes);
        controller.close();
      },
    },
    { highWaterMark: 0 },
  );
  return { body, watch };
}

function photoPost(bytes: Uint8Array, headers: Record<string, string> = {}) {
  const { body, watch } = watchedBody(bytes);
  const request = new Request("http://podium.test/api/uploads", { method: "POST", body, headers, duplex: "half" } as RequestInit);
  return { request, watch };
}

describe("POST /api/uploads (with JavaScript: one photo, then the form)", () => {
  it("refuses strangers before reading a byte of the body", async () => {
    const cases: Array<[string, CurrentUser | null, Record<string, string>, number]> = [
      ["anonymous", null, {}, 401],
      ["a host, who edits nothing with photos", organisation.host, {}, 403],
      ["another site's form, with an organiser's cookie", organisation.organiser, { origin: "https://evil.example", host: "podium.test" }, 403],
    ];
    for (const [who, user, headers, status] of cases) {
      signedIn.user = user;
      const { request, watch } = photoPost(png, headers);
      const response = await photoRoute(request);
      expect(response.status, who).toBe(status);
      expect(watch.read, who).toBe(false);
    }
  });

  it("stages an organiser's photo, and refuses one over 10 MB whether declared or only counted", async () => {
    signedIn.user = organisation.organiser;
    const accepted = await photoRoute(photoPost(png, { "content-length": String(png.length) }).request);
    expect(accepted.status).toBe(201);
    const { token } = (await accepted.json()) as { token: string };
    expect(Buffer.from(await (await stagedPhoto(organisation.organiser.id, token))!.arrayBuffer())).toEqual(png);

    const huge = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    const declared = photoPost(huge, { "content-length": String(huge.length) });
    expect((await photoRoute(declared.request)).status).toBe(413);
    expect(declared.watch.read).toBe(false);
    const before = await staged(organisation.organiser);
    const counted = await photoRoute(photoPost(huge).request);
    expect(counted.status).toBe(413);
    expect(((await counted.json()) as { reason: string }).reason).toBe("uploadTooLarge");
    expect(await staged(organisation.organiser)).toEqual(before);
  });
});

describe("the form's server action", () => {
  const speakerForm = (fields: Record<string, string | File>) => {
    const form = new FormData();
    const all = { organisationId: organisation.id, requestKey: crypto.randomUUID(), name: `Anna ${crypto.randomUUID().slice(0, 8)}`, role: "", affiliation: "", bio: "", photoAlt: "Portret van Anna.", ...fields };
    for (const [name, value] of Object.entries(all)) form.set(name, value);
    return form;
  };
  const createSpeaker = uploadingAction(createSpeakerDefinition, "photo");
  const stage = async (user: CurrentUser) => {
    const result = await stagePhoto(user.id, [new Uint8Array(png)]);
    if (!result.ok) throw new Error(result.reason);
    return result.token;
  };

  it("saves the photo its token names, once", async () => {
    signedIn.user = organisation.organiser;
    const token = await stage(organisation.organiser);
    const outcome = await createSpeaker(null, speakerForm({ photo: token }));
    expect(outcome).toMatchObject({ ok: true });
    const speaker = await db.speaker.findUniqueOrThrow({ where: { id: (outcome as { data: { speakerId: string } }).data.speakerId }, include: { photo: true } });
    expect(speaker.photo).toMatchObject({ mimeType: "image/webp", altText: "Portret van Anna." });
    expect(await stagedPhoto(organisation.organiser.id, token)).toBeNull();
  });

  it("takes no photo staged by someone else, and none posted in the form itself", async () => {
    signedIn.user = organisation.organiser;
    const theirs = await stage(organisation.owner);
    expect(await createSpeaker(null, speakerForm({ photo: theirs }))).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { photo: "uploadMissing" } });
    expect(await stagedPhoto(organisation.owner.id, theirs)).not.toBeNull();

    const posted = await createSpeaker(null, speakerForm({ photo: new File([new Uint8Array(png)], "portret.png", { type: "image/png" }) }));
    expect(posted).toMatchObject({ ok: true });
    const speaker = await db.speaker.findUniqueOrThrow({ where: { id: (posted as { data: { speakerId: string } }).data.speakerId } });
    expect(speaker.photoId).toBeNull();
  });
});

describe("POST /api/uploads/form (without JavaScript: the whole form)", () => {
  const returnTo = `/beheer/${"werkplaats"}/sprekers`;
  function formPost(fields: Record<string, string>, photo?: Uint8Array, headers: Record<string, string> = {}) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append("photo", photo ? new File([new Uint8Array(photo)], "portret.png", { type: "image/png" }) : new File([], ""));
    return new Request("http://podium.test/api/uploads/form?taal=nl", { method: "POST", body: form, headers });
  }
  const fields = (extra: Record<string, string> = {}) => ({
    $ACTION_REF_1: "",
    "$ACTION_1:0": '{"id":"abc","bound":"$@1"}',
    organisationId: organisation.id,
    requestKey: crypto.randomUUID(),
    name: "Bram\u00e9 de Vries",
    bio: "Eerste regel.\r\nTweede regel.",
    photoAlt: "Portret van Bram.",
    uploadReturnTo: returnTo,
    ...extra,
  });

  it("refuses strangers with a page that says why, and stages nothing", async () => {
    const cases: Array<[string, CurrentUser | null, Record<string, string>, number, string]> = [
      ["anonymous", null, {}, 401, "Je bent uitgelogd"],
      ["a host", organisation.host, {}, 403, "Geen toegang"],
      ["another site's form, with an organiser's cookie", organisation.organiser, { origin: "https://evil.example", host: "podium.test" }, 403, "Geen toegang"],
    ];
    for (const [who, user, headers, status, text] of cases) {
      signedIn.user = user;
      const before = user ? await staged(user) : [];
      const response = await formRoute(formPost(fields(), png, headers));
      expect(response.status, who).toBe(status);
      expect(await response.text(), who).toContain(text);
      if (user) expect(await staged(user), who).toEqual(before);
    }
  });

  it("stages the photo and gives back every field, the photo as its token, to post on to the editor's page", async () => {
    signedIn.user = organisation.organiser;
    const response = await formRoute(formPost(fields(), png));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(`<form method="post" action="${returnTo}" enctype="multipart/form-data">`);
    const hidden = new Map([...html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map((m) => [m[1], m[2]]));
    expect(hidden.get("$ACTION_1:0")).toBe("{&quot;id&quot;:&quot;abc&quot;,&quot;bound&quot;:&quot;$@1&quot;}");
    expect(hidden.get("bio")).toBe("Eerste regel.&#13;&#10;Tweede regel.");
    const token = hidden.get("photo") ?? "";
    expect(Buffer.from(await (await stagedPhoto(organisation.organiser.id, token))!.arrayBuffer())).toEqual(png);
  });

  it("sends a form without a picked photo straight on to its page", async () => {
    signedIn.user = organisation.organiser;
    const response = await formRoute(formPost(fields()));
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe(returnTo);
  });

  it("counts a form sent without a length, and refuses it past a report's photos and text", async () => {
    signedIn.user = organisation.organiser;
    const field = (index: number) => `--x\r\nContent-Disposition: form-data; name="quote${index}"\r\n\r\n${"a".repeat(300 * 1024)}\r\n`;
    let index = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Up to 200 fields of 300 KB: each within a field's limit, together more than FORM_UPLOAD_BYTES (50.3 MB).
        if (index === 200) return controller.close();
        controller.enqueue(new TextEncoder().encode(field(index++)));
      },
    });
    const request = new Request("http://podium.test/api/uploads/form?taal=en", {
      method: "POST",
      body,
      headers: { "content-type": "multipart/form-data; boundary=x" },
      duplex: "half",
    } as RequestInit);
    const response = await formRoute(request);
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("Too large");
    // Reading stopped there, not at the end of what the client had to send.
    expect(index).toBeLessThan(Math.ceil(FORM_UPLOAD_BYTES / (300 * 1024)) + 12);
  });

  it("refuses a page to send the form on to on another site, and a photo over 10 MB, keeping nothing", async () => {
    signedIn.user = organisation.organiser;
    const before = await staged(organisation.organiser);
    expect((await formRoute(formPost(fields({ uploadReturnTo: "/\\evil.example" }), png))).status).toBe(400);
    expect((await formRoute(formPost(fields(), new Uint8Array(MAX_UPLOAD_BYTES + 1)))).status).toBe(413);
    expect(await staged(organisation.organiser)).toEqual(before);
  });
});
