// Source Sans 3, the files from @fontsource, served by Next with the page's other assets (never a font CDN).
//
// display "optional": the browser uses the font only if it has it within about 100 ms of needing it, and
// otherwise keeps the system font for that page view. With "swap" the font arrived after the first paint on
// a phone and every line was set again in the narrower face: text that wrapped in the fallback fitted on one
// line, and the content below jumped up (Lighthouse's CLS 0.15 on the sign-up page). The latin files are
// preloaded with the page, so they are there in time on all but the slowest first visit, and from the cache
// after it. latin-ext (Turkish, Polish, Czech... names) is fetched only when a page has such a character
// (see below).
import localFont from "next/font/local";

// next/font reads its options at build time: each path must be written out as a literal.
export const sourceSans = localFont({
  src: [
    { path: "../node_modules/@fontsource/source-sans-3/files/source-sans-3-latin-400-normal.woff2", weight: "400", style: "normal" },
    { path: "../node_modules/@fontsource/source-sans-3/files/source-sans-3-latin-600-normal.woff2", weight: "600", style: "normal" },
  ],
  display: "optional",
  variable: "--font-source-sans",
  // No metric-adjusted fallback: with "optional" there is no swap for it to soften.
  adjustFontFallback: false,
});

// The latin-ext faces are not here but in app/globals.css, as plain @font-face rules with their unicode-range:
// next/font (Next 16.4, Turbopack) leaves a `declarations` unicode-range out of the @font-face it writes. Without
// the range a browser treats the face as covering every character, and while the latin file was still on its way
// (the sign-up page, rendered per request, paints before it lands) it fetched both latin-ext files as well, at
// the highest priority: 67 KB more in front of the first paint, which Lighthouse's slow-4G simulation put
// between the sign-up page and an LCP under 2.5 s.

/** For <html>: defines the font variables that --font-sans (app/globals.css) is made of. */
export const fontVariables = sourceSans.variable;
