import type { ReactNode } from "react";

// The narrow, calm frame of the sign-in, check-your-email, sign-out and invitation pages.
export function AuthPanel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="mx-auto w-full max-w-xl px-4 py-10 sm:px-6 sm:py-16">
      <div className="rounded-xl border border-line bg-white p-6 sm:p-8">
        <h1 className="text-2xl font-semibold leading-tight text-petrol-800 sm:text-3xl">{title}</h1>
        <div className="mt-4 space-y-5">{children}</div>
      </div>
    </main>
  );
}
