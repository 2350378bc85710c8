// The ticket's QR code as a PNG, for the confirmation email. qrcode's own PNG renderer fills a 320×320 RGBA
// bitmap and lets pngjs try five row filters on it before deflating: about 20 ms of CPU per ticket, which
// once capped sign-up at a few dozen per second. A QR code is black and
// white, so this writes the same pixels (qrcode's own module matrix and its scaling arithmetic, copied from
// qrcode/lib/renderer/utils.js) as a 1-bit greyscale PNG: well under a millisecond and a smaller file.
// ticket-qr.test.ts checks pixel for pixel that the image equals QRCode.toBuffer's with the same options.
import { crc32, deflateSync } from "node:zlib";
import QRCode from "qrcode";

export const TICKET_QR = { width: 320, margin: 2, errorCorrectionLevel: "M" } as const;

/**
 * The ticket's QR code as SVG, for pages (the ticket page, badges): no script, and it prints sharply at any size.
 * The same code and error correction as the email's PNG, so the door reads both alike.
 */
export function ticketQrSvg(ticketCode: string): Promise<string> {
  return QRCode.toString(ticketCode, { type: "svg", margin: TICKET_QR.margin, errorCorrectionLevel: TICKET_QR.errorCorrectionLevel });
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function ticketQrPng(ticketCode: string): Buffer {
  const qr = QRCode.create(ticketCode, { errorCorrectionLevel: TICKET_QR.errorCorrectionLevel });
  const size = qr.modules.size;
  const modules = qr.modules.data;
  const { margin, width } = TICKET_QR;
  // As qrcode's getScale/getImageWidth/qrToImageData, so that every pixel lands where it would there.
  const scale = width >= size + margin * 2 ? width / (size + margin * 2) : 4;
  const side = Math.floor((size + margin * 2) * scale);
  const scaledMargin = margin * scale;

  // One filter byte (0 = none) per row, then 1 bit per pixel, most significant first; 1 = white. Rows from
  // the same module row are identical: draw each once and copy it.
  const rowBytes = 1 + Math.ceil(side / 8);
  const raw = Buffer.alloc(rowBytes * side);
  const drawn = new Map<number, Buffer>();
  for (let i = 0; i < side; i++) {
    const inside = i >= scaledMargin && i < side - scaledMargin;
    const iSrc = inside ? Math.floor((i - scaledMargin) / scale) : -1;
    let row = drawn.get(iSrc);
    if (!row) {
      row = Buffer.alloc(rowBytes);
      for (let j = 0; j < side; j++) {
        const dark =
          inside && j >= scaledMargin && j < side - scaledMargin && Boolean(modules[iSrc * size + Math.floor((j - scaledMargin) / scale)]);
        if (!dark) row[1 + (j >> 3)] = (row[1 + (j >> 3)] ?? 0) | (0x80 >> (j & 7));
      }
      drawn.set(iSrc, row);
    }
    row.copy(raw, i * rowBytes);
  }

  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // colour type: greyscale
  // compression, filter method and interlace stay 0
  return Buffer.concat([SIGNATURE, chunk("IHDR", header), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}
