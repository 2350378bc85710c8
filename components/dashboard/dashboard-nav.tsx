"use client";

import { Link, usePathname } from "@/i18n/navigation";

type Item = { href: string; label: string };

// Tabs of one organisation's dashboard; the current one is marked for screen readers too (aria-current).
export function DashboardNav({ label, items }: { label: string; items: Item[] }) {
  const pathname = usePathname();
  // The tab of the page or of the section it is in (a report's editor is under "Sfeerverslagen"): the longest
  // href that the path starts with, so the organisation's home tab is not current everywhere.
  const current = items
    .filter((item) => pathname === item.href || pathname.startsWith(`${item.href}/`))
    .reduce<string | null>((best, item) => (best && best.length >= item.href.length ? best : item.href), null);
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-1">
        {items.map((item) => {
          const isCurrent = item.href === current;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={isCurrent ? (pathname === item.href ? "page" : "location") : undefined}
                className={`inline-flex min-h-12 items-center border-b-4 px-3 font-semibold ${
                  isCurrent ? "border-accent-600 text-petrol-900" : "border-transparent text-petrol-700 hover:border-petrol-200"
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
