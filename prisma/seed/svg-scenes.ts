// Stylised "photo" placeholders for the report's gallery (1200x800): shapes only, no text. Their alt texts
// say plainly that they are illustrations.
import { PALETTE, rng, svg } from "./svg";

const W = 1200;
const H = 800;
const SKIN = ["#f1c8a5", "#d9a47c", "#a8714f", "#7a4a32", "#e8b894"] as const;
const CLOTHES = [PALETTE.teal, PALETTE.warm, PALETTE.sand, PALETTE.sea, "#3d5a80", "#6d597a"] as const;

function pick<T>(list: readonly T[], rand: () => number): T {
  const value = list[Math.floor(rand() * list.length)];
  if (value === undefined) throw new Error("pick from an empty list");
  return value;
}

// A person seen from behind: head and shoulders.
function backOfHead(cx: number, cy: number, scale: number, rand: () => number): string {
  const hair = pick(["#2b2118", "#4a3426", "#8a6b4a", "#c9b27c", "#555555", "#1b1b1b"] as const, rand);
  return `<path d="M ${cx - 60 * scale} ${cy + 110 * scale} Q ${cx - 58 * scale} ${cy + 30 * scale} ${cx} ${cy + 28 * scale}
      Q ${cx + 58 * scale} ${cy + 30 * scale} ${cx + 60 * scale} ${cy + 110 * scale} Z" fill="${pick(CLOTHES, rand)}"/>
    <circle cx="${cx}" cy="${cy}" r="${32 * scale}" fill="${hair}"/>`;
}

// A theatre stage with spotlights, a speaker at a lectern and the audience in the foreground.
export function stageScene(): string {
  const rand = rng(11);
  const audience = Array.from({ length: 3 }, (_, row) =>
    Array.from({ length: 9 }, (_, k) => backOfHead(70 + k * 135 + (row % 2) * 60 + rand() * 20, 600 + row * 70, 1 + row * 0.25, rand)).join(""),
  ).join("");
  return svg(
    W,
    H,
    `<defs>
      <linearGradient id="wall" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#0b2830"/><stop offset="1" stop-color="${PALETTE.petrol}"/></linearGradient>
      <linearGradient id="beam" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#fff6e0" stop-opacity="0.55"/><stop offset="1" stop-color="#fff6e0" stop-opacity="0"/></linearGradient>
      <linearGradient id="curtain" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#7a2a12"/><stop offset="0.5" stop-color="#b4461a"/><stop offset="1" stop-color="#7a2a12"/></linearGradient>
    </defs>
    <rect width="${W}" height="${H}" fill="url(#wall)"/>
    <rect x="0" y="0" width="${W}" height="70" fill="#7a2a12"/>
    ${Array.from({ length: 4 }, (_, k) => `<rect x="${k * 45}" y="0" width="46" height="520" fill="url(#curtain)"/>
      <rect x="${W - 180 + k * 45}" y="0" width="46" height="520" fill="url(#curtain)"/>`).join("")}
    <polygon points="0,520 ${W},520 ${W},640 0,640" fill="#5c3b26"/>
    <rect x="0" y="516" width="${W}" height="8" fill="${PALETTE.sand}"/>
    <polygon points="300,0 380,0 560,520 180,520" fill="url(#beam)"/>
    <polygon points="820,0 900,0 1030,520 650,520" fill="url(#beam)"/>
    <ellipse cx="370" cy="515" rx="190" ry="18" fill="#fff6e0" opacity="0.25"/>
    <ellipse cx="840" cy="515" rx="190" ry="18" fill="#fff6e0" opacity="0.25"/>
    <rect x="520" y="250" width="260" height="160" rx="6" fill="${PALETTE.mist}" opacity="0.85"/>
    <rect x="540" y="272" width="220" height="116" rx="4" fill="${PALETTE.sea}" opacity="0.7"/>
    <circle cx="370" cy="335" r="28" fill="${SKIN[1]}"/>
    <path d="M 330 520 L 330 400 Q 370 360 410 400 L 410 520 Z" fill="${PALETTE.teal}"/>
    <polygon points="820,420 900,420 885,520 835,520" fill="#3a2a1e"/>
    <rect x="812" y="410" width="96" height="14" rx="3" fill="#4a3626"/>
    <circle cx="858" cy="352" r="26" fill="${SKIN[3]}"/>
    <path d="M 822 420 L 826 392 Q 858 370 890 392 L 894 420 Z" fill="${PALETTE.warm}"/>
    <rect x="0" y="640" width="${W}" height="160" fill="#061a20"/>
    ${audience}`,
  );
}

// Rows of theatre seats seen from the stage, some of them taken.
export function seatsScene(): string {
  const rand = rng(23);
  let rows = "";
  for (let r = 0; r < 7; r++) {
    const y = 130 + r * 95;
    const scale = 0.55 + r * 0.09;
    const seatW = 78 * scale;
    const gap = 10 * scale;
    const count = Math.floor(W / (seatW + gap)) + 2;
    const offset = (W - count * (seatW + gap)) / 2;
    rows += `<rect x="0" y="${y + 62 * scale}" width="${W}" height="${34 * scale}" fill="#082a33" opacity="0.9"/>`;
    for (let s = 0; s < count; s++) {
      const x = offset + s * (seatW + gap);
      if (Math.abs(x + seatW / 2 - W / 2) < seatW * 0.8) continue; // the aisle
      const taken = rand() < 0.45;
      if (taken) {
        rows += `<circle cx="${x + seatW / 2}" cy="${y - 6 * scale}" r="${20 * scale}" fill="${pick(SKIN, rand)}"/>
          <rect x="${x + 10 * scale}" y="${y + 10 * scale}" width="${seatW - 20 * scale}" height="${50 * scale}" rx="${14 * scale}" fill="${pick(CLOTHES, rand)}"/>`;
      }
      rows += `<rect x="${x}" y="${y + 30 * scale}" width="${seatW}" height="${60 * scale}" rx="${12 * scale}" fill="${taken ? "#a3401a" : "#c4541e"}"/>
        <rect x="${x + 4 * scale}" y="${y + 34 * scale}" width="${seatW - 8 * scale}" height="${10 * scale}" rx="${5 * scale}" fill="#e07a3f" opacity="0.6"/>`;
    }
  }
  return svg(
    W,
    H,
    `<defs><linearGradient id="hall" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#0c2f38"/><stop offset="1" stop-color="${PALETTE.petrol}"/></linearGradient></defs>
    <rect width="${W}" height="${H}" fill="url(#hall)"/>
    <rect x="0" y="0" width="${W}" height="90" fill="${PALETTE.deep}"/>
    ${Array.from({ length: 6 }, (_, k) => `<circle cx="${100 + k * 200}" cy="45" r="10" fill="${PALETTE.sand}" opacity="0.9"/>`).join("")}
    ${rows}`,
  );
}

function table(cx: number, cy: number, rand: () => number): string {
  const chairs = Array.from({ length: 6 }, (_, k) => {
    const a = (k / 6) * Math.PI * 2 + rand() * 0.2;
    const x = cx + Math.cos(a) * 165;
    const y = cy + Math.sin(a) * 165;
    const occupied = rand() < 0.8;
    return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="38" fill="${PALETTE.teal}"/>
      ${occupied ? `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="27" fill="${pick(CLOTHES, rand)}"/>
      <circle cx="${(cx + Math.cos(a) * 150).toFixed(1)}" cy="${(cy + Math.sin(a) * 150).toFixed(1)}" r="17" fill="${pick(["#2b2118", "#8a6b4a", "#c9b27c", "#1b1b1b"] as const, rand)}"/>` : ""}`;
  }).join("");
  const notes = Array.from({ length: 7 }, () => {
    const x = cx - 80 + rand() * 140;
    const y = cy - 50 + rand() * 100;
    return `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="30" height="30" fill="${pick([PALETTE.sand, "#f7d774", PALETTE.sea, "#f28f7a"] as const, rand)}"
      transform="rotate(${Math.floor(rand() * 40 - 20)} ${x.toFixed(1)} ${y.toFixed(1)})"/>`;
  }).join("");
  return `${chairs}<circle cx="${cx}" cy="${cy}" r="130" fill="#ffffff"/>
    <circle cx="${cx}" cy="${cy}" r="130" fill="none" stroke="#d8cfc0" stroke-width="4"/>
    <rect x="${cx - 95}" y="${cy - 65}" width="190" height="130" fill="${PALETTE.cream}" stroke="#d8cfc0" stroke-width="2" transform="rotate(-8 ${cx} ${cy})"/>
    <path d="M ${cx - 70} ${cy - 30} q 40 -25 80 0 t 60 10 M ${cx - 60} ${cy + 10} l 120 -10" stroke="${PALETTE.petrol}" stroke-width="5" fill="none" stroke-linecap="round"/>
    ${notes}
    <circle cx="${cx + 95}" cy="${cy + 45}" r="16" fill="#ffffff" stroke="#bbb" stroke-width="3"/><circle cx="${cx + 95}" cy="${cy + 45}" r="10" fill="#6b4226"/>`;
}

// Round tables seen from above, with people, sheets of paper and sticky notes: the workshops.
export function tablesScene(): string {
  const rand = rng(37);
  return svg(
    W,
    H,
    `<rect width="${W}" height="${H}" fill="#e9dfcf"/>
    ${Array.from({ length: 12 }, (_, k) => `<rect x="0" y="${k * 70}" width="${W}" height="2" fill="#d6c9b3"/>`).join("")}
    ${table(260, 230, rand)}${table(800, 300, rand)}${table(470, 600, rand)}${table(1060, 680, rand)}`,
  );
}

// Coffee cups and squares of chocolate on a table: the break.
export function coffeeScene(): string {
  const rand = rng(53);
  const cups = [
    [220, 220], [520, 160], [880, 250], [300, 560], [760, 600], [1040, 520],
  ]
    .map(([x = 0, y = 0]) => `<circle cx="${x}" cy="${y}" r="95" fill="#ffffff" stroke="#d4cdc2" stroke-width="4"/>
      <circle cx="${x}" cy="${y}" r="58" fill="${PALETTE.cream}" stroke="#cfc6b8" stroke-width="6"/>
      <circle cx="${x}" cy="${y}" r="44" fill="#5b3a22"/>
      <circle cx="${x - 10}" cy="${y - 12}" r="14" fill="#c08a5a" opacity="0.7"/>
      <rect x="${x + 52}" y="${y - 12}" width="44" height="24" rx="12" fill="${PALETTE.cream}" stroke="#cfc6b8" stroke-width="4"/>`)
    .join("");
  const bar = (x: number, y: number, angle: number): string => {
    let squares = "";
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 5; c++) {
        squares += `<rect x="${x + 8 + c * 44}" y="${y + 8 + r * 44}" width="38" height="38" rx="4" fill="#5a3319"/>
          <rect x="${x + 12 + c * 44}" y="${y + 12 + r * 44}" width="30" height="8" rx="3" fill="#7a4a2a"/>`;
      }
    }
    return `<g transform="rotate(${angle} ${x + 115} ${y + 70})"><rect x="${x}" y="${y}" width="230" height="142" rx="8" fill="#3e2210"/>${squares}
      <rect x="${x + 150}" y="${y - 10}" width="110" height="162" fill="${PALETTE.warm}" opacity="0.95"/></g>`;
  };
  const pieces = Array.from({ length: 9 }, () => {
    const x = 80 + rand() * (W - 160);
    const y = 80 + rand() * (H - 160);
    return `<rect x="${x.toFixed(0)}" y="${y.toFixed(0)}" width="34" height="34" rx="4" fill="#5a3319"
      transform="rotate(${Math.floor(rand() * 60 - 30)} ${x.toFixed(0)} ${y.toFixed(0)})"/>`;
  }).join("");
  return svg(
    W,
    H,
    `<defs><linearGradient id="wood" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#c79a6b"/><stop offset="1" stop-color="#a97a4f"/></linearGradient></defs>
    <rect width="${W}" height="${H}" fill="url(#wood)"/>
    ${Array.from({ length: 10 }, (_, k) => `<path d="M 0 ${k * 85 + 30} C 300 ${k * 85 + 10}, 800 ${k * 85 + 60}, ${W} ${k * 85 + 25}" stroke="#9c6f46" stroke-width="3" fill="none" opacity="0.5"/>`).join("")}
    <rect x="420" y="340" width="380" height="180" rx="10" fill="${PALETTE.petrol}" opacity="0.9"/>
    ${bar(460, 360, -6)}
    ${cups}${pieces}`,
  );
}
