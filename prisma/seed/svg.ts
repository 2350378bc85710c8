// SVG sources for the demo's generated images: initials avatars and abstract covers in the palette of the
// design brief (deep petrol, teal, one warm accent). Only initials are text, set in a generic sans-serif.
export const PALETTE = {
  deep: "#0a3440",
  petrol: "#0f4c5c",
  teal: "#1f7a7a",
  sea: "#5fa8a0",
  mist: "#d7ebe8",
  warm: "#e36414",
  sand: "#f4a259",
  cream: "#fbf7f0",
} as const;

const FONT = "DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif";

// Small deterministic random numbers, so that the same seed draws the same picture every time.
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function svg(width: number, height: number, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`;
}

export function initials(name: string): string {
  const words = name.split(/\s+/).filter((w) => w.length > 0);
  // "Patricia van Aaken" -> "PA", "De Buurtvrouw" -> "DB": skip Dutch infixes (van, de, ...) after the first word.
  const infixes = new Set(["van", "de", "der", "den", "het", "ter", "ten", "te", "in", "'t"]);
  const main = words.filter((w, i) => i === 0 || !infixes.has(w.toLowerCase()));
  const pick = main;
  const first = pick[0]?.[0] ?? "?";
  const last = pick.length > 1 ? (pick[pick.length - 1]?.[0] ?? "") : "";
  return (first + last).toUpperCase();
}

const AVATAR_BACKGROUNDS = [PALETTE.petrol, PALETTE.deep, "#14606b", "#134a55"] as const;

export function avatarSvg(name: string, variant: number): string {
  const size = 400;
  const bg = AVATAR_BACKGROUNDS[variant % AVATAR_BACKGROUNDS.length] ?? PALETTE.petrol;
  const accent = variant % 2 === 0 ? PALETTE.sand : PALETTE.warm;
  return svg(
    size,
    size,
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
       <stop offset="0" stop-color="${bg}"/><stop offset="1" stop-color="${PALETTE.deep}"/></linearGradient></defs>
     <rect width="${size}" height="${size}" fill="url(#g)"/>
     <circle cx="${size}" cy="${size}" r="125" fill="${accent}" opacity="0.9"/>
     <circle cx="${size}" cy="${size}" r="160" fill="none" stroke="${accent}" stroke-width="6" opacity="0.45"/>
     <circle cx="40" cy="40" r="90" fill="${PALETTE.sea}" opacity="0.18"/>
     <text x="192" y="186" font-family="${FONT}" font-weight="700" font-size="148" letter-spacing="4"
       fill="#ffffff" text-anchor="middle" dominant-baseline="central">${initials(name)}</text>`,
  );
}

function gradient(id: string, from: string, to: string, angle: "diag" | "down" = "diag"): string {
  const [x2, y2] = angle === "diag" ? [1, 1] : [0, 1];
  return `<linearGradient id="${id}" x1="0" y1="0" x2="${x2}" y2="${y2}">
    <stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient>`;
}

// A theatre arch: concentric arcs over a stage line, a warm sun rising behind it.
function theatreCover(): string {
  const arcs = [620, 520, 420, 320]
    .map((r, i) => `<path d="M ${800 - r} 760 A ${r} ${r} 0 0 1 ${800 + r} 760" fill="none"
      stroke="${i % 2 === 0 ? PALETTE.mist : PALETTE.sea}" stroke-width="${28 - i * 4}" opacity="${0.22 + i * 0.12}"/>`)
    .join("");
  return `<defs>${gradient("bg", PALETTE.deep, PALETTE.teal)}</defs>
    <rect width="1600" height="900" fill="url(#bg)"/>
    <circle cx="800" cy="760" r="230" fill="${PALETTE.sand}" opacity="0.95"/>
    <circle cx="800" cy="760" r="150" fill="${PALETTE.warm}" opacity="0.9"/>
    ${arcs}
    <rect y="760" width="1600" height="140" fill="${PALETTE.deep}"/>
    <rect y="760" width="1600" height="10" fill="${PALETTE.sand}" opacity="0.8"/>
    <circle cx="180" cy="150" r="60" fill="${PALETTE.mist}" opacity="0.12"/>
    <circle cx="1420" cy="210" r="110" fill="${PALETTE.mist}" opacity="0.1"/>`;
}

// A neighbourhood: a row of houses linked by a network of dots and lines.
function neighbourhoodCover(): string {
  const rand = rng(2027);
  let houses = "";
  let x = 40;
  let i = 0;
  while (x < 1600) {
    const w = 120 + Math.floor(rand() * 90);
    const h = 200 + Math.floor(rand() * 220);
    const top = 820 - h;
    const fill = [PALETTE.petrol, PALETTE.teal, "#175e6b", PALETTE.deep][i % 4] ?? PALETTE.petrol;
    houses += `<path d="M ${x} 820 V ${top} L ${x + w / 2} ${top - 70} L ${x + w} ${top} V 820 Z" fill="${fill}"/>`;
    for (let wy = top + 40; wy < 780; wy += 70) {
      const lit = rand() > 0.55;
      houses += `<rect x="${x + w / 2 - 18}" y="${wy}" width="36" height="36" rx="4"
        fill="${lit ? PALETTE.sand : PALETTE.mist}" opacity="${lit ? 0.95 : 0.25}"/>`;
    }
    x += w + 24;
    i += 1;
  }
  const dots = Array.from({ length: 9 }, (_, k) => ({ cx: 120 + k * 170 + Math.floor(rand() * 60), cy: 110 + Math.floor(rand() * 230) }));
  const lines = dots
    .slice(1)
    .map((d, k) => `<line x1="${dots[k]?.cx ?? 0}" y1="${dots[k]?.cy ?? 0}" x2="${d.cx}" y2="${d.cy}"
      stroke="${PALETTE.mist}" stroke-width="4" opacity="0.45"/>`)
    .join("");
  const circles = dots
    .map((d, k) => `<circle cx="${d.cx}" cy="${d.cy}" r="${k % 3 === 0 ? 22 : 14}"
      fill="${k % 3 === 0 ? PALETTE.warm : PALETTE.mist}" opacity="0.95"/>`)
    .join("");
  return `<defs>${gradient("bg", "#0c3f4c", PALETTE.sea, "down")}</defs>
    <rect width="1600" height="900" fill="url(#bg)"/>
    ${lines}${circles}${houses}
    <rect y="820" width="1600" height="80" fill="${PALETTE.deep}"/>`;
}

// Spotlights: soft glowing discs of light, for the event report.
function spotlightCover(): string {
  const rand = rng(2017);
  const colours = [PALETTE.sand, PALETTE.sea, PALETTE.mist, PALETTE.warm] as const;
  const glows = colours
    .map((c, k) => `<radialGradient id="glow${k}"><stop offset="0" stop-color="${c}" stop-opacity="0.85"/>
      <stop offset="0.55" stop-color="${c}" stop-opacity="0.35"/><stop offset="1" stop-color="${c}" stop-opacity="0"/></radialGradient>`)
    .join("");
  const discs = Array.from({ length: 16 }, (_, k) => {
    const r = 70 + Math.floor(rand() * 230);
    return `<circle cx="${Math.floor(rand() * 1600)}" cy="${Math.floor(rand() * 760)}" r="${r}" fill="url(#glow${k % colours.length})"/>`;
  }).join("");
  return `<defs>${gradient("bg", PALETTE.petrol, PALETTE.deep)}${glows}</defs>
    <rect width="1600" height="900" fill="url(#bg)"/>${discs}
    <path d="M 0 900 L 0 760 Q 800 640 1600 760 L 1600 900 Z" fill="${PALETTE.deep}"/>
    <path d="M 0 760 Q 800 640 1600 760" fill="none" stroke="${PALETTE.sand}" stroke-width="8"/>`;
}

// Calm diagonal stripes, for a conference that is still being prepared.
function stripesCover(): string {
  const stripes = Array.from({ length: 16 }, (_, k) => `<rect x="${k * 140 - 400}" y="-200" width="60" height="1400"
    fill="${k % 5 === 0 ? PALETTE.sand : PALETTE.mist}" opacity="${k % 5 === 0 ? 0.9 : 0.08}" transform="rotate(30 800 450)"/>`).join("");
  return `<defs>${gradient("bg", PALETTE.teal, PALETTE.petrol)}</defs>
    <rect width="1600" height="900" fill="url(#bg)"/>${stripes}`;
}

export type CoverKind = "theatre" | "neighbourhood" | "spotlights" | "stripes";

export function coverSvg(kind: CoverKind): string {
  const body = {
    theatre: theatreCover,
    neighbourhood: neighbourhoodCover,
    spotlights: spotlightCover,
    stripes: stripesCover,
  }[kind]();
  return svg(1600, 900, body);
}

// The demo organisation's logo, for its badges: three linked circles and the name, on a transparent background.
// The name at 40 px: at 44 px its last letter fell off the 480 px canvas (seen on a certificate's PDF).
export function logoSvg(): string {
  return svg(
    480,
    160,
    `<circle cx="62" cy="80" r="42" fill="${PALETTE.petrol}"/>` +
      `<circle cx="112" cy="80" r="42" fill="${PALETTE.teal}" fill-opacity="0.9"/>` +
      `<circle cx="162" cy="80" r="42" fill="${PALETTE.warm}" fill-opacity="0.9"/>` +
      `<text x="222" y="78" font-family="${FONT}" font-size="40" font-weight="700" fill="${PALETTE.deep}">Werkplaats</text>` +
      `<text x="224" y="116" font-family="${FONT}" font-size="24" fill="${PALETTE.petrol}">Sociaal Domein ZHZ</text>`,
  );
}
