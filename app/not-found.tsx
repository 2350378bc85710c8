import "./globals.css";
import Link from "next/link";
import { fontVariables } from "./fonts";

// Requests that never reached a locale (rare: the proxy sends everything else to one).
export default function GlobalNotFound() {
  return (
    <html lang="nl" className={fontVariables}>
      <body className="font-sans">
        <main className="mx-auto max-w-xl px-6 py-24">
          <h1 className="text-3xl font-semibold text-petrol-800">Deze pagina bestaat niet</h1>
          <p className="mt-4" lang="en">
            This page does not exist.
          </p>
          <p className="mt-6">
            <Link className="text-petrol-700 underline" href="/">
              Naar de startpagina / Home
            </Link>
          </p>
        </main>
      </body>
    </html>
  );
}
