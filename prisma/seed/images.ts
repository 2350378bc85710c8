// Renders the demo's SVG sources to WebP files under the uploads directory (only the ones that are missing)
// and returns what a Photo row needs. Nothing is fetched: every image is drawn here.
import { mkdir, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { SPEAKERS_2017, SPEAKERS_2027, type SpeakerSeed } from "./content";
import { avatarSvg, coverSvg, logoSvg } from "./svg";
import { coffeeScene, seatsScene, stageScene, tablesScene } from "./svg-scenes";

export const CREDIT = "Illustratie: Podium demo";

export type PhotoData = {
  file: string;
  mimeType: string;
  width: number;
  height: number;
  bytes: number;
  altText: string;
  caption: string | null;
  credit: string;
};

type ImageSpec = {
  file: string;
  width: number;
  height: number;
  altText: string;
  caption?: string;
  source: () => string;
};

const SCENES = {
  logo: {
    file: "demo/logo-werkplaats-sociaal-domein.webp",
    width: 480,
    height: 160,
    altText: "Logo van de Werkplaats Sociaal Domein Zuid-Holland Zuid: drie verbonden cirkels in petrol, teal en oranje naast de naam.",
    source: logoSvg,
  },
  cover2017: {
    file: "demo/cover-doe-leer-en-inspireer-2017.webp",
    width: 1600,
    height: 900,
    altText: "Illustratie: abstracte theaterboog in petrol en teal met een warm oranje zon boven de toneelrand.",
    source: () => coverSvg("theatre"),
  },
  cover2027: {
    file: "demo/cover-samen-sterker-in-de-wijk-2027.webp",
    width: 1600,
    height: 900,
    altText: "Illustratie: een rij gestileerde huizen met verlichte ramen, verbonden door een netwerk van stippen en lijnen.",
    source: () => coverSvg("neighbourhood"),
  },
  coverDraft: {
    file: "demo/cover-werkconferentie-najaar-2027.webp",
    width: 1600,
    height: 900,
    altText: "Illustratie: schuine lichte strepen op een achtergrond van teal en petrol.",
    source: () => coverSvg("stripes"),
  },
  reportCover: {
    file: "demo/sfeerverslag-2017-cover.webp",
    width: 1600,
    height: 900,
    altText: "Illustratie: zachte lichtvlekken in zand, oranje en zeegroen boven een gebogen toneelrand, als spotlights in een donkere zaal.",
    source: () => coverSvg("spotlights"),
  },
  galleryStage: {
    file: "demo/sfeerverslag-2017-podium.webp",
    width: 1200,
    height: 800,
    altText: "Illustratie, geen foto: een toneel met rode gordijnen en twee spotlights, een spreker bij een scherm en iemand achter een spreekgestoelte, met publiek op de voorgrond.",
    caption: "Een korte reeks inspirerende sprekers in de zaal (illustratie).",
    source: stageScene,
  },
  gallerySeats: {
    file: "demo/sfeerverslag-2017-zaal.webp",
    width: 1200,
    height: 800,
    altText: "Illustratie, geen foto: rijen oranjerode theaterstoelen vanaf het toneel gezien, een deel ervan bezet.",
    caption: "Theater aan de Schie, vanaf het toneel gezien (illustratie).",
    source: seatsScene,
  },
  galleryTables: {
    file: "demo/sfeerverslag-2017-werkplaats.webp",
    width: 1200,
    height: 800,
    altText: "Illustratie, geen foto: vier ronde tafels van bovenaf met deelnemers eromheen, vellen papier, gele en oranje memoblaadjes en koffiekopjes.",
    caption: "Aan tafel in de Werkplaats (illustratie).",
    source: tablesScene,
  },
  galleryCoffee: {
    file: "demo/sfeerverslag-2017-pauze.webp",
    width: 1200,
    height: 800,
    altText: "Illustratie, geen foto: koffiekopjes op schoteltjes, een reep chocola en losse stukjes chocola op een houten tafel, van bovenaf.",
    caption: "Koffie met een stuk chocola erbij (illustratie).",
    source: coffeeScene,
  },
} satisfies Record<string, ImageSpec>;

export type SceneKey = keyof typeof SCENES;

function avatarSpec(speaker: SpeakerSeed, variant: number): ImageSpec {
  return {
    file: `demo/spreker-${speaker.slug}.webp`,
    width: 400,
    height: 400,
    altText: `Illustratie: de initialen van ${speaker.name} op een petrolkleurig vlak met een warme accentcirkel.`,
    source: () => avatarSvg(speaker.name, variant),
  };
}

async function exists(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

async function ensure(uploadsDir: string, spec: ImageSpec): Promise<{ data: PhotoData; written: boolean }> {
  const target = path.join(uploadsDir, spec.file);
  let written = false;
  if (!(await exists(target))) {
    const buffer = await sharp(Buffer.from(spec.source()), { density: 72 })
      .resize(spec.width, spec.height, { fit: "fill" })
      .webp({ quality: 82, effort: 5 })
      .toBuffer();
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, buffer);
    await rename(temporary, target);
    written = true;
  }
  const meta = await sharp(target).metadata();
  const { size } = await stat(target);
  if (meta.width !== spec.width || meta.height !== spec.height) {
    throw new Error(`${target} is ${meta.width}x${meta.height}, expected ${spec.width}x${spec.height}: delete it and seed again`);
  }
  return {
    written,
    data: {
      file: spec.file,
      mimeType: "image/webp",
      width: spec.width,
      height: spec.height,
      bytes: size,
      altText: spec.altText,
      caption: spec.caption ?? null,
      credit: CREDIT,
    },
  };
}

export type DemoImages = {
  scenes: Record<SceneKey, PhotoData>;
  // By speaker slug.
  avatars: Map<string, PhotoData>;
  written: number;
};

export async function prepareImages(uploadsDir: string): Promise<DemoImages> {
  let written = 0;
  const scenes = {} as Record<SceneKey, PhotoData>;
  for (const key of Object.keys(SCENES) as SceneKey[]) {
    const result = await ensure(uploadsDir, SCENES[key]);
    scenes[key] = result.data;
    if (result.written) written += 1;
  }
  const avatars = new Map<string, PhotoData>();
  const speakers = [...Object.values(SPEAKERS_2017), ...Object.values(SPEAKERS_2027)];
  for (const [index, speaker] of speakers.entries()) {
    const result = await ensure(uploadsDir, avatarSpec(speaker, index));
    avatars.set(speaker.slug, result.data);
    if (result.written) written += 1;
  }
  return { scenes, avatars, written };
}
