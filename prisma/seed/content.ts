// The demo's words. The 2017 conference and its report follow the real sfeerverslag
// (../shared/content/sfeerverslag-doe-leer-en-inspireer-2017.txt) and add nothing to what it says about real
// people; the 2027 conference and its speakers are made up for the demo.

export const DEMO_ORG = {
  slug: "werkplaats-sociaal-domein-zhz",
  name: "Werkplaats Sociaal Domein Zuid-Holland Zuid",
  website: "https://www.werkplaatsensociaaldomein.nl",
  contactEmail: "info@werkplaats-sociaal-domein.example",
} as const;

export const OTHER_ORG = {
  slug: "netwerk-zorg-drechtsteden",
  name: "Netwerk Zorg Drechtsteden",
  contactEmail: "contact@netwerk-zorg-drechtsteden.example",
} as const;

export const VENUE = {
  name: "Theater aan de Schie",
  street: "Stadserf 1",
  postalCode: "3112 DZ",
  city: "Schiedam",
  country: "NL",
  latitude: "51.915800",
  longitude: "4.399000",
  website: "https://www.theateraandeschie.nl",
  accessibilityNotes: [
    "De hoofdingang aan het Stadserf is drempelvrij.",
    "Een lift gaat naar alle zalen en de foyer.",
    "In de Grote zaal en de Kleine zaal is een ringleiding voor mensen met een hoortoestel.",
    "Er is een aangepast toilet bij de foyer.",
    "Rolstoelplaatsen in de zaal graag vooraf melden bij je aanmelding.",
  ].join("\n"),
  rooms: [
    { name: "Grote zaal", capacity: 450 },
    { name: "Kleine zaal", capacity: 120 },
    { name: "Foyer", capacity: 80 },
    { name: "Studio", capacity: 30 },
    { name: "Repetitieruimte", capacity: 25 },
  ],
} as const;

export type RoomName = (typeof VENUE.rooms)[number]["name"];

export type SpeakerSeed = {
  slug: string;
  name: string;
  role: string | null;
  affiliation: string | null;
  bio: string;
};

// Speakers of 2017: only what the report says about them.
export const SPEAKERS_2017 = {
  buurtvrouw: {
    slug: "de-buurtvrouw",
    name: "De Buurtvrouw",
    role: "Buurtinitiatief",
    affiliation: null,
    bio: "De kanjers van De Buurtvrouw, een buurtinitiatief, heetten de deelnemers van de werkconferentie Doe, Leer en Inspireer! warm welkom.",
  },
  vanAaken: {
    slug: "patricia-van-aaken",
    name: "Patricia van Aaken",
    role: "Wethouder zorg en welzijn, ouderenbeleid en duurzaamheid",
    affiliation: "Gemeente Schiedam",
    bio: "Patricia van Aaken is wethouder zorg en welzijn, ouderenbeleid en duurzaamheid van Schiedam. Zij opende de werkconferentie met de focus op wat goed gaat in het werk, zoals maatschappelijke partners die in de meedenkstand komen.",
  },
  witte: {
    slug: "toby-witte",
    name: "Toby Witte",
    role: "Lector",
    affiliation: null,
    bio: "Lector Toby Witte gaf de zaal ter overdenking mee dat we mogen erkennen dat sommige sociale problemen niet op te lossen zijn, maar wel beheersbaar en hanteerbaar te maken, als iedereen kennis deelt, samenwerkt en van en met elkaar blijft leren.",
  },
} satisfies Record<string, SpeakerSeed>;

// Speakers of 2027: fictional people for the demo.
export const SPEAKERS_2027 = {
  kok: {
    slug: "mirjam-kok",
    name: "Mirjam Kok",
    role: "Dagvoorzitter",
    affiliation: "Werkplaats Sociaal Domein Zuid-Holland Zuid",
    bio: "Mirjam Kok leidt de middag en het panelgesprek. Zij brengt praktijk, beleid en onderzoek graag met elkaar aan tafel.",
  },
  verhoef: {
    slug: "lieke-verhoef",
    name: "Lieke Verhoef",
    role: "Onderzoeker wijkgericht werken",
    affiliation: "Kenniscentrum Wijk en Welzijn",
    bio: "Lieke Verhoef onderzoekt samen met bewoners en professionals wat werkt in de wijk. In haar keynote laat ze zien hoe kleine verbindingen grote verschillen maken.",
  },
  bosman: {
    slug: "jeroen-bosman",
    name: "Jeroen Bosman",
    role: "Opbouwwerker",
    affiliation: "Stichting Buurtkracht",
    bio: "Jeroen Bosman werkt al vijftien jaar als opbouwwerker en zet buurtnetwerken op tegen eenzaamheid.",
  },
  ouali: {
    slug: "naima-ouali",
    name: "Naima Ouali",
    role: "Ervaringsdeskundige",
    affiliation: "Cliëntenraad Sociaal Domein",
    bio: "Naima Ouali zet haar eigen ervaring in om hulpverlening beter te laten aansluiten bij wat mensen echt nodig hebben.",
  },
  demir: {
    slug: "selin-demir",
    name: "Selin Demir",
    role: "Docent en onderzoeker social work",
    affiliation: "Hogeschool voor Sociale Studies",
    bio: "Selin Demir begeleidt studenten en professionals die samen onderzoek doen in de praktijk.",
  },
  jansen: {
    slug: "ruben-jansen",
    name: "Ruben Jansen",
    role: "Beleidsadviseur sociaal domein",
    affiliation: "Gemeente Voorbeeldstad",
    bio: "Ruben Jansen vertaalt wat in de wijk gebeurt naar beleid, en beleid terug naar de wijk.",
  },
} satisfies Record<string, SpeakerSeed>;

export const DOSSIER = {
  slug: "sociale-vraagstukken",
  title: "Sociale Vraagstukken",
  description:
    "Wat te doen tegen eenzaamheid? Hoe kan de zelfredzaamheid van jongeren met een beperking worden verbeterd? Wat spelen sociaal werkers nu eigenlijk klaar? De Werkplaatsen Sociaal Domein doen onderzoek naar zulke vragen, midden in de praktijk, met vaak onorthodoxe methoden, en waar beleidsmakers en uitvoerders wat aan hebben.",
} as const;
