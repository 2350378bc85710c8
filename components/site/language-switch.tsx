"use client";

import { Link, usePathname } from "@/i18n/navigation";

type Props = { target: "nl" | "en"; label: string; description: string };

// Links to the same page in the other language; labels come from the server so no messages ship to the client.
export function LanguageSwitch({ target, label, description }: Props) {
  const pathname = usePathname();
  return (
    <Link
      href={pathname}
      locale={target}
      hrefLang={target}
      lang={target}
      title={description}
      className="inline-flex min-h-11 items-center rounded-md border border-petrol-200 px-3 text-sm font-semibold text-petrol-800 hover:bg-petrol-50"
    >
      {label}
    </Link>
  );
}
