import jsQR from "jsqr";
import { PNG } from "pngjs";
import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { newTicketCode } from "@/lib/tokens";
import { TICKET_QR, ticketQrPng } from "./ticket-qr";

describe("ticket QR code", () => {
  it("draws exactly the pixels qrcode's own PNG renderer draws", async () => {
    for (let i = 0; i < 20; i++) {
      const code = newTicketCode();
      const ours = PNG.sync.read(ticketQrPng(code));
      const reference = PNG.sync.read(await QRCode.toBuffer(code, { type: "png", ...TICKET_QR }));
      expect([ours.width, ours.height]).toEqual([reference.width, reference.height]);
      expect(ours.width).toBe(320);
      expect(Buffer.compare(ours.data, reference.data)).toBe(0);
    }
  });

  it("decodes to the ticket code", () => {
    const code = newTicketCode();
    const image = PNG.sync.read(ticketQrPng(code));
    expect(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data).toBe(code);
  });
});
