import type { ReactNode } from "react";
import { Link } from "@/i18n/navigation";

/** The top of an editor page: a way back, the title, a line of explanation and room for a status badge. */
export function PageHeading({
  back,
  title,
  intro,
  badge,
}: {
  back?: { href: string; label: string };
  title: string;
  intro?: string;
  badge?: ReactNode;
}) {
  return (
    <div>
      {back && (
        <Link href={back.href} className="inline-flex min-h-12 items-center font-semibold text-petrol-700 underline md:min-h-0 md:py-1">
          <span aria-hidden>←&nbsp;</span>
          {back.label}
        </Link>
      )}
      <div className="mt-1 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold text-petrol-800 sm:text-3xl">{title}</h1>
        {badge}
      </div>
      {intro && <p className="mt-2 max-w-prose text-muted">{intro}</p>}
    </div>
  );
}
