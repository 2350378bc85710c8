// Source Sans 3, the files from @fontsource, served by Next with the page's other assets (never a font CDN).
//
// display "optional": the browser uses the font only if it has it within about 100 ms of needing it, and
// otherwise keeps the system font for that page view. With "swap" the font arrived after the first paint on
// a phone and every line was set again in the narrower face: text that wrapped in the fallback fitted on one
// line, and the content below jumped up (Lighthouse's CLS 0.15 on the sign-up page). The latin files are
// preloaded with the page, so they are there in time on all but the slowest first visit, and from the cache
// after it. latin-ext (Turkish, Polish, Czech... names) is fetched only when a page has such a character
// (the unicode-range below).
import localFont from "next/font/local";

// next/font reads its options at build time: each path must be written out as a literal.
export const sourceSans = localFont({
  src: [
    { path: "../node_modules/@fontsource/source-sans-3/files/source-sans-3-latin-400-normal.woff2", weight: "400", style: "normal" },
    { path: "../node_modules/@fontsource/source-sans-3/files/source-sans-3-latin-600-normal.woff2", weight: "600", style: "normal" },
  ],
  display: "optional",
  // The ranges @fontsource gives these files (its 400.css): a browser fetches a face only for a character in
  // its range. Without them, any character outside latin (an arrow, an emoji) made it fetch both latin-ext
  // files (67 KB, at the highest priority) on every page, also where nothing in latin-ext was shown.
  declarations: [{ prop: "unicode-range", value: "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD" }],
  variable: "--font-source-sans",
  // No metric-adjusted fallback: with "optional" there is no swap for it to soften.
  adjustFontFallback: false,
});

export const sourceSansExtended = localFont({
  src: [
    { path: "../node_modules/@fontsource/source-sans-3/files/source-sans-3-latin-ext-400-normal.woff2", weight: "400", style: "normal" },
    { path: "../node_modules/@fontsource/source-sans-3/files/source-sans-3-latin-ext-600-normal.woff2", weight: "600", style: "normal" },
  ],
  display: "optional",
  declarations: [{ prop: "unicode-range", value: "U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C4,U+2113,U+2C60-2C7F,U+A720-A7FF" }],
  variable: "--font-source-sans-extended",
  preload: false,
  adjustFontFallback: false,
});

/** For <html>: defines the font variables that --font-sans (app/globals.css) is made of. */
export const fontVariables = `${sourceSans.variable} ${sourceSansExtended.variable}`;
