// The past conference of 26 October 2017 and its published sfeerverslag, as in the real report.
import { REPORT_2017 } from "./content-report";
import { createPhoto, type Tx } from "./db";
import type { DemoImages } from "./images";
import type { DemoBase } from "./organisation";
import { addSession } from "./programme";
import { amsterdam } from "./time";

export const CONFERENCE_2017_SLUG = "doe-leer-en-inspireer-2017";
const DATE = "2017-10-26";

export async function createDemo2017(
  tx: Tx,
  organisationId: string,
  base: DemoBase,
  images: DemoImages,
  authorUserId: string,
): Promise<{ conferenceId: string; reportId: string }> {
  const coverPhotoId = await createPhoto(tx, organisationId, images.scenes.cover2017);
  const conference = await tx.conference.create({
    data: {
      organisationId,
      slug: CONFERENCE_2017_SLUG,
      title: "Werkconferentie Doe, Leer en Inspireer!",
      subtitle: "Samen doen en mee werken in de Werkplaats",
      description: [
        "Een inspirerende en interactieve middag in Theater aan de Schie: samen doen en mee werken in de Werkplaats.",
        "Na een warm welkom luisteren we naar een korte reeks inspirerende sprekers. Daarna gaan we zelf aan de slag in de Werkplaats, rond de drie krachtlijnen van de Werkplaatsen: vorm, inhoud en relaties.",
      ].join("\n\n"),
      startsAt: amsterdam(DATE, "13:00"),
      endsAt: amsterdam(DATE, "17:30"),
      timeZone: "Europe/Amsterdam",
      venueId: base.venueId,
      capacity: 200,
      registrationOpensAt: amsterdam("2017-09-01", "09:00"),
      registrationClosesAt: amsterdam("2017-10-25", "23:59"),
      status: "PUBLISHED",
      coverPhotoId,
      publishedAt: amsterdam("2017-09-01", "09:00"),
      createdAt: amsterdam("2017-08-28", "10:00"),
    },
    select: { id: true },
  });
  const id = conference.id;
  const { rooms, speakers } = base;

  await addSession(tx, id, DATE, {
    title: "Welkom",
    description: "Een warm welkom door o.a. de kanjers van De Buurtvrouw, met een stuk chocola erbij.",
    kind: "WELCOME",
    from: "13:00",
    to: "13:15",
    roomId: rooms["Grote zaal"],
    speakers: [{ id: speakers.buurtvrouw, part: "HOST" }],
  });
  await addSession(tx, id, DATE, {
    title: "Opening: wat gaat er goed in het werk?",
    description:
      "Wethouder Patricia van Aaken trapt af met de focus op wat goed gaat in het werk. Daarna wisselen alle aanwezigen uit wat er onlangs goed gegaan is.",
    kind: "KEYNOTE",
    from: "13:15",
    to: "13:40",
    roomId: rooms["Grote zaal"],
    speakers: [{ id: speakers.vanAaken }],
  });
  await addSession(tx, id, DATE, {
    title: "Lezing: de samenleving is wel maakbaar",
    description:
      "Lector Toby Witte over sociale problemen die niet op te lossen zijn, maar wel beheersbaar en hanteerbaar te maken, en over ‘tussenwerkers’ die verbindingen maken tussen mensen, samenleving en overheid.",
    kind: "TALK",
    from: "13:40",
    to: "14:10",
    roomId: rooms["Grote zaal"],
    speakers: [{ id: speakers.witte }],
  });
  await addSession(tx, id, DATE, {
    title: "Pauze met koffie en chocola",
    kind: "BREAK",
    from: "14:10",
    to: "14:30",
    roomId: rooms.Foyer,
  });

  const round = await tx.workshopRound.create({
    data: { conferenceId: id, title: "In de Werkplaats", position: 0 },
    select: { id: true },
  });
  const workshops = [
    {
      title: "Werkplaats: eenzaamheid",
      description: "Wat te doen tegen eenzaamheid? Samen aan de slag met vragen uit de praktijk.",
      room: "Kleine zaal",
      capacity: 60,
    },
    {
      title: "Werkplaats: zelfredzaamheid van jongeren met een beperking",
      description: "Hoe kan de zelfredzaamheid van jongeren met een beperking worden verbeterd?",
      room: "Studio",
      capacity: 30,
    },
    {
      title: "Werkplaats: wat spelen sociaal werkers klaar?",
      description: "Het werk van sociaal werkers zichtbaar maken: wat doen ze, en wat levert het op?",
      room: "Repetitieruimte",
      capacity: 25,
    },
    {
      title: "Werkplaats: vorm, inhoud en relaties",
      description: "De drie kenmerkende krachtlijnen van de Werkplaatsen, en het samenspel tussen die drie.",
      room: "Foyer",
      capacity: 60,
    },
  ] as const;
  for (const workshop of workshops) {
    await addSession(tx, id, DATE, {
      title: workshop.title,
      description: workshop.description,
      kind: "WORKSHOP",
      from: "14:30",
      to: "16:00",
      roomId: rooms[workshop.room],
      roundId: round.id,
      capacity: workshop.capacity,
    });
  }
  await addSession(tx, id, DATE, {
    title: "Afsluiting en netwerkborrel",
    description: "Napraten en verbindingen maken in de foyer.",
    kind: "NETWORKING",
    from: "16:00",
    to: "17:30",
    roomId: rooms.Foyer,
  });

  const reportId = await createReport2017(tx, organisationId, id, base, images, authorUserId);
  return { conferenceId: id, reportId };
}

async function createReport2017(
  tx: Tx,
  organisationId: string,
  conferenceId: string,
  base: DemoBase,
  images: DemoImages,
  authorUserId: string,
): Promise<string> {
  const coverPhotoId = await createPhoto(tx, organisationId, images.scenes.reportCover);
  const report = await tx.report.create({
    data: {
      organisationId,
      slug: REPORT_2017.slug,
      title: REPORT_2017.title,
      lead: REPORT_2017.lead,
      body: REPORT_2017.body,
      coverPhotoId,
      authorName: REPORT_2017.authorName,
      authorUserId,
      conferenceId,
      status: "PUBLISHED",
      publishedAt: amsterdam("2017-11-08", "10:00"),
      createdAt: amsterdam("2017-11-06", "14:00"),
    },
    select: { id: true },
  });
  const reportId = report.id;
  for (const speakerId of [base.speakers.buurtvrouw, base.speakers.vanAaken, base.speakers.witte]) {
    await tx.reportSpeaker.create({ data: { reportId, speakerId } });
  }
  for (const [position, quote] of REPORT_2017.quotes.entries()) {
    await tx.reportQuote.create({ data: { reportId, position, text: quote.text, attribution: quote.attribution } });
  }
  for (const [position, link] of REPORT_2017.links.entries()) {
    await tx.reportLink.create({ data: { reportId, position, label: link.label, url: link.url } });
  }
  const gallery = [images.scenes.galleryStage, images.scenes.galleryCoffee, images.scenes.galleryTables, images.scenes.gallerySeats];
  for (const [position, photo] of gallery.entries()) {
    const photoId = await createPhoto(tx, organisationId, photo);
    await tx.reportPhoto.create({ data: { reportId, photoId, position } });
  }
  await tx.dossierReport.create({ data: { dossierId: base.dossierId, reportId, position: 0 } });
  return reportId;
}
