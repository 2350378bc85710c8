// The demo organisation's standing data: the venue with its rooms, the speakers with their avatars, the dossier.
import { createPhoto, type Tx } from "./db";
import { DOSSIER, SPEAKERS_2017, SPEAKERS_2027, VENUE, type RoomName, type SpeakerSeed } from "./content";
import type { DemoImages } from "./images";

export type DemoBase = {
  venueId: string;
  rooms: Record<RoomName, string>;
  speakers: Record<keyof typeof SPEAKERS_2017 | keyof typeof SPEAKERS_2027, string>;
  dossierId: string;
};

export async function createDemoBase(tx: Tx, organisationId: string, images: DemoImages): Promise<DemoBase> {
  const venue = await tx.venue.create({
    data: {
      organisationId,
      name: VENUE.name,
      street: VENUE.street,
      postalCode: VENUE.postalCode,
      city: VENUE.city,
      country: VENUE.country,
      latitude: VENUE.latitude,
      longitude: VENUE.longitude,
      accessibilityNotes: VENUE.accessibilityNotes,
      website: VENUE.website,
    },
    select: { id: true },
  });

  const rooms = {} as Record<RoomName, string>;
  for (const room of VENUE.rooms) {
    const created = await tx.room.create({
      data: { venueId: venue.id, name: room.name, capacity: room.capacity },
      select: { id: true },
    });
    rooms[room.name] = created.id;
  }

  const speakers = {} as DemoBase["speakers"];
  const all: Array<[keyof DemoBase["speakers"], SpeakerSeed]> = [
    ...(Object.entries(SPEAKERS_2017) as Array<[keyof typeof SPEAKERS_2017, SpeakerSeed]>),
    ...(Object.entries(SPEAKERS_2027) as Array<[keyof typeof SPEAKERS_2027, SpeakerSeed]>),
  ];
  for (const [key, speaker] of all) {
    const avatar = images.avatars.get(speaker.slug);
    if (!avatar) throw new Error(`No avatar for ${speaker.slug}`);
    const photoId = await createPhoto(tx, organisationId, avatar);
    const created = await tx.speaker.create({
      data: {
        organisationId,
        slug: speaker.slug,
        name: speaker.name,
        role: speaker.role,
        affiliation: speaker.affiliation,
        bio: speaker.bio,
        photoId,
        links: [],
      },
      select: { id: true },
    });
    speakers[key] = created.id;
  }

  // The logo on the organisation's badges.
  const logoPhotoId = await createPhoto(tx, organisationId, images.scenes.logo);
  await tx.organisation.update({ where: { id: organisationId }, data: { logoPhotoId } });

  const dossier = await tx.dossier.create({
    data: { organisationId, slug: DOSSIER.slug, title: DOSSIER.title, description: DOSSIER.description },
    select: { id: true },
  });

  return { venueId: venue.id, rooms, speakers, dossierId: dossier.id };
}
