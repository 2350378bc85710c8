import type { ReactNode } from "react";
import { LocalizedLink as Link } from "@/components/site/localized-link";

// The plain page around each step of confirming and unsubscribing: a heading, what happened, what next.
export function NewsletterNotice({
  title,
  tone = "neutral",
  children,
  backLabel,
}: {
  title: string;
  tone?: "neutral" | "ok" | "bad";
  children: ReactNode;
  backLabel: string;
}) {
  const colour = tone === "ok" ? "text-ok-700" : tone === "bad" ? "text-bad-700" : "text-petrol-800";
  const icon = tone === "ok" ? "✓ " : tone === "bad" ? "⚠ " : "";
  return (
    <main className="mx-auto max-w-2xl px-4 py-16 sm:px-6">
      <h1 className={`text-3xl font-semibold ${colour}`}>
        {icon && <span aria-hidden>{icon}</span>}
        {title}
      </h1>
      <div className="mt-4 space-y-4 text-lg">{children}</div>
      <p className="mt-10">
        <Link href="/" className="font-semibold text-petrol-700 underline">
          {backLabel}
        </Link>
      </p>
    </main>
  );
}
