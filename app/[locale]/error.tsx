"use client";

import { useEffect } from "react";

// Client error boundaries cannot load translations from the server when the server is the problem, so the
// page carries both languages, Dutch first. The reason stays in the server log.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error.digest ?? error.message);
  }, [error]);
  return (
    <main className="mx-auto max-w-2xl px-4 py-20 sm:px-6">
      <h1 className="text-3xl font-semibold text-petrol-800">Er ging iets mis</h1>
      <p className="mt-4 text-lg">
        Er is niets verloren gegaan. Probeer het nog eens; blijft het misgaan, probeer het dan over een paar minuten
        opnieuw.
      </p>
      <div lang="en" className="mt-8 border-t border-line pt-6">
        <h2 className="text-xl font-semibold text-petrol-800">Something went wrong</h2>
        <p className="mt-2">Nothing was lost. Please try again, or in a few minutes if it keeps failing.</p>
      </div>
      <button
        type="button"
        onClick={reset}
        className="mt-8 min-h-12 rounded-md bg-petrol-800 px-5 font-semibold text-white hover:bg-petrol-900"
      >
        Opnieuw proberen <span lang="en">/ Try again</span>
      </button>
    </main>
  );
}
