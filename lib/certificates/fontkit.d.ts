// fontkit ships no types; the certificate only asks a font which characters it has (lib/certificates/pdf-fonts.ts).
declare module "fontkit" {
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  // A collection (.ttc/.dfont) comes back otherwise; the WOFF files we read are single fonts.
  export function create(buffer: Uint8Array): Font;
}
