// Makes the favicon and app icons from app/icon.svg (the design brief's petrol and warm accent): run once after
// changing the SVG, `node scripts/make-icons.mjs`, and commit the files. Nothing is fetched.
import sharp from "sharp";
import { readFileSync, writeFileSync } from "node:fs";
const svg = readFileSync("app/icon.svg");
const png = (size, pad = 0) =>
  sharp(svg, { density: 600 }).resize(size - 2 * pad, size - 2 * pad).extend({ top: pad, bottom: pad, left: pad, right: pad, background: "#0b4652" }).png({ compressionLevel: 9 }).toBuffer();
// Apple's home-screen icon: square, no transparency (iOS rounds the corners itself).
writeFileSync("app/apple-icon.png", await sharp(await png(180)).flatten({ background: "#0b4652" }).png().toBuffer());
writeFileSync("public/icon-192.png", await png(192));
writeFileSync("public/icon-512.png", await png(512));
// favicon.ico: two PNG images (16 and 32 px) in an ICO container.
const images = [await png(16), await png(32), await png(48)];
const sizes = [16, 32, 48];
const header = Buffer.alloc(6); header.writeUInt16LE(0, 0); header.writeUInt16LE(1, 2); header.writeUInt16LE(images.length, 4);
let offset = 6 + 16 * images.length;
const entries = images.map((data, i) => {
  const e = Buffer.alloc(16);
  e.writeUInt8(sizes[i] % 256, 0); e.writeUInt8(sizes[i] % 256, 1); e.writeUInt8(0, 2); e.writeUInt8(0, 3);
  e.writeUInt16LE(1, 4); e.writeUInt16LE(32, 6); e.writeUInt32LE(data.length, 8); e.writeUInt32LE(offset, 12);
  offset += data.length; return e;
});
writeFileSync("app/favicon.ico", Buffer.concat([header, ...entries, ...images]));
