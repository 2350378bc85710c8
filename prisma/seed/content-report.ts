// The sfeerverslag of 8 November 2017, split into lead and markdown body. The source's date line, its
// "Lees verder ..." teaser and the page's "Nieuwsbrief" footer are not body text: the date is publishedAt and
// the teaser became the report's "lees verder" link.

export const REPORT_2017 = {
  slug: "sfeerverslag-doe-leer-en-inspireer-2017",
  title: "Sfeerverslag Werkconferentie Doe, Leer en Inspireer!",
  authorName: "Redactie Werkplaats",
  lead:
    "Theater aan de Schie was het toneel voor de Werkconferentie Doe, Leer en Inspireer! op donderdag 26 oktober. Een sfeerverslag van een inspirerende en interactieve middag: samen doen en mee werken in de Werkplaats.",
  body: [
    "## Inspirerende sprekers",
    "Na een warm welkom door o.a. kanjers van De Buurtvrouw wordt met een stuk chocola erbij geïnteresseerd geluisterd naar een korte reeks van inspirerende sprekers die zich open opstelden en kwetsbare, maar positieve verhalen delen.",
    "Wethouder zorg en welzijn, ouderenbeleid en duurzaamheid, van Schiedam, Patricia van Aaken, trapte af met de focus op wat goed gaat in het werk. Maatschappelijke partners in de meedenkstand krijgen, is een voorbeeld waar de wethouder heel blij mee is. Ook alle andere aanwezigen wisselen met elkaar uit wat er onlangs goed gegaan is in het werk.",
    "Lector Toby Witte gaf ter overdenking mee dat het goed zou zijn wanneer we durven te erkennen dat bepaalde sociale problemen in onze samenleving nou eenmaal niet op te lossen zijn. Maar de samenleving is wel maakbaar! Problemen zijn beheersbaar en hanteerbaar te maken. Maar het vraagt van iedereen die daar bij betrokken is om hun kennis te delen, samen te werken en van en met elkaar te blijven leren. Op zoek naar ‘professionaliteit van het ongepaste’ waarbij innoverende ‘tussenwerkers’ verbindingen kunnen maken en herstellen tussen mensen, samenleving en overheid.",
    "## Vorm, inhoud en relaties",
    "De Werkplaatsen hebben drie kenmerkende krachtlijnen: vorm, inhoud, en relaties. Het samenspel tussen deze drie is cruciaal.",
    "## Dossier op Sociale Vraagstukken",
    "Wat te doen tegen eenzaamheid? Hoe kan de zelfredzaamheid van jongeren met een beperking worden verbeterd? Wat spelen sociaal werkers nu eigenlijk klaar? De Werkplaatsen Sociaal Domein doen onderzoek naar zulke vragen, midden in de praktijk, met vaak onorthodoxe methoden, en waar beleidsmakers en uitvoerders wat aan hebben. In een dossier over de Werkplaatsen publiceert Sociale Vraagstukken met regelmaat artikelen over opvallende en kenmerkende voorbeelden uit recent onderzoek.",
  ].join("\n\n"),
  quotes: [
    { text: "Maar de samenleving is wel maakbaar!", attribution: "Toby Witte, lector" },
    { text: "Problemen zijn beheersbaar en hanteerbaar te maken.", attribution: "Toby Witte, lector" },
  ],
  links: [
    {
      label: "Lees verder op de website van de Werkplaats Sociaal Domein Zuid-Holland Zuid",
      url: "https://www.werkplaatsensociaaldomein.nl",
    },
    { label: "Sociale Vraagstukken: artikelen over de Werkplaatsen", url: "https://www.socialevraagstukken.nl" },
  ],
} as const;

// Not public yet: proves that drafts and scheduled reports stay hidden.
export const REPORT_DRAFT = {
  slug: "concept-terugblik-werkplaatsbijeenkomst-voorjaar",
  title: "Concept: terugblik op de werkplaatsbijeenkomst",
  authorName: "Redactie Werkplaats",
  lead: "Dit verslag is nog in bewerking en is niet openbaar.",
  body: "## Aantekeningen\n\nHier komen de aantekeningen van de redactie. Nog aanvullen met citaten en foto's.",
} as const;

export const REPORT_SCHEDULED = {
  slug: "sfeerverslag-samen-sterker-in-de-wijk-2027",
  title: "Sfeerverslag Werkconferentie Samen Sterker in de Wijk",
  authorName: "Redactie Werkplaats",
  lead: "Een middag vol ontmoetingen in Theater aan de Schie: samen sterker in de wijk. Dit verslag verschijnt na de conferentie.",
  body: "## Samen aan de slag\n\nDit ingeplande verslag wordt automatisch openbaar op de ingestelde datum.",
} as const;
