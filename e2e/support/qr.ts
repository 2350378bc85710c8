// Decodes a QR code from a PNG the way a phone would: real pixels through a real decoder (jsQR).
import jsQR from "jsqr";
import { PNG } from "pngjs";

export function decodeQrPng(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  const result = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  return result?.data ?? null;
}
