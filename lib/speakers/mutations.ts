import "server-only";
import { recordAudit } from "@/lib/audit/log";
import type { OrganisationAccess } from "@/lib/auth/authorize";
import type { HandlerResult } from "@/lib/auth/outcome";
import { db, type Tx } from "@/lib/db";
import { withUploadedPhoto } from "@/lib/editor/photo-transaction";
import { earlierCreation } from "@/lib/editor/request-key";
import { slugify } from "@/lib/text";
import type { CreateSpeaker, UpdateSpeaker } from "./schema";

// Speakers are the organisation's own and reused across conferences and reports. Their public address
// (/sprekers/<slug>) is made from the name once and then kept, so links to it keep working.

type SpeakerChange = { speakerId: string; slug: string };
const invalid = (field: string, key: string) => ({ ok: false, reason: "invalid", fieldErrors: { [field]: key } }) as const;

async function freeSlug(tx: Tx, organisationId: string, name: string): Promise<string | null> {
  const slug = slugify(name) || "spreker";
  const taken = await tx.speaker.findUnique({ where: { organisationId_slug: { organisationId, slug } }, select: { id: true } });
  return taken ? null : slug;
}

export async function createSpeaker(access: OrganisationAccess, input: CreateSpeaker): Promise<HandlerResult<SpeakerChange, never>> {
  const organisationId = access.organisation.id;
  return withUploadedPhoto(organisationId, { field: "photo", file: input.photo, altText: input.photoAlt }, async (tx, photo) => {
    const earlier = await earlierCreation(tx, organisationId, "speaker.created", input.requestKey);
    if (earlier) {
      const speaker = await tx.speaker.findUniqueOrThrow({ where: { id: earlier }, select: { id: true, slug: true } });
      return { ok: true, data: { speakerId: speaker.id, slug: speaker.slug } } as const;
    }
    const slug = await freeSlug(tx, organisationId, input.name);
    if (!slug) return invalid("name", "nameTaken");
    const stored = await photo();
    if (!stored.ok) return stored;
    const { photoId } = stored;
    const speaker = await tx.speaker.create({
      data: { organisationId, slug, name: input.name, role: input.role, affiliation: input.affiliation, bio: input.bio, photoId },
      select: { id: true, slug: true },
    });
    await recordAudit(tx, {
      organisationId,
      actorUserId: access.user.id,
      action: "speaker.created",
      entityType: "speaker",
      entityId: speaker.id,
      details: { name: input.name, requestKey: input.requestKey, photo: photoId !== null },
    });
    return { ok: true, data: { speakerId: speaker.id, slug: speaker.slug } } as const;
  });
}

export async function updateSpeaker(access: OrganisationAccess, input: UpdateSpeaker): Promise<HandlerResult<SpeakerChange, "notFound">> {
  const organisationId = access.organisation.id;
  return withUploadedPhoto(organisationId, { field: "photo", file: input.photo, altText: input.photoAlt }, async (tx, photo) => {
    const speaker = await tx.speaker.findFirst({ where: { id: input.speakerId, organisationId }, select: { id: true, slug: true } });
    if (!speaker) return { ok: false, reason: "notFound" } as const;
    const stored = await photo();
    if (!stored.ok) return stored;
    const { photoId } = stored;
    await tx.speaker.update({
      where: { id: speaker.id },
      data: {
        name: input.name,
        role: input.role,
        affiliation: input.affiliation,
        bio: input.bio,
        ...(photoId ? { photoId } : {}),
      },
    });
    await recordAudit(tx, {
      organisationId,
      actorUserId: access.user.id,
      action: "speaker.updated",
      entityType: "speaker",
      entityId: speaker.id,
      details: { name: input.name, photo: photoId !== null },
    });
    return { ok: true, data: { speakerId: speaker.id, slug: speaker.slug } } as const;
  });
}

/** Only a speaker in no programme and no report: those pages would lose a person without a trace. */
export async function deleteSpeaker(
  access: OrganisationAccess,
  input: { speakerId: string },
): Promise<HandlerResult<SpeakerChange, "notFound" | "inUse">> {
  const organisationId = access.organisation.id;
  return db.$transaction(async (tx) => {
    const speaker = await tx.speaker.findFirst({
      where: { id: input.speakerId, organisationId },
      select: { id: true, slug: true, name: true, _count: { select: { sessions: true, reports: true } } },
    });
    if (!speaker) return { ok: false, reason: "notFound" } as const;
    if (speaker._count.sessions + speaker._count.reports > 0) return { ok: false, reason: "inUse" } as const;
    await tx.speaker.delete({ where: { id: speaker.id } });
    await recordAudit(tx, {
      organisationId,
      actorUserId: access.user.id,
      action: "speaker.deleted",
      entityType: "speaker",
      entityId: speaker.id,
      details: { name: speaker.name },
    });
    return { ok: true, data: { speakerId: speaker.id, slug: speaker.slug } } as const;
  });
}
