import type { MetadataRoute } from "next";

// For a phone's "add to home screen": the name (a proper noun, the same in every language), the colours of
// the design brief and the icons made by scripts/make-icons.mjs.
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Podium",
    short_name: "Podium",
    start_url: "/",
    display: "browser",
    background_color: "#ffffff",
    theme_color: "#0b4652",
    icons: [
      { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
    ],
  };
}
