"use client";

import { Link, usePathname } from "@/i18n/navigation";

type Item = { href: string; label: string };

// Tabs of one organisation's dashboard; the current one is marked for screen readers too (aria-current).
export function DashboardNav({ label, items }: { label: string; items: Item[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-1">
        {items.map((item) => {
          const current = pathname === item.href;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`inline-flex min-h-12 items-center border-b-4 px-3 font-semibold ${
                  current ? "border-accent-600 text-petrol-900" : "border-transparent text-petrol-700 hover:border-petrol-200"
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
