"use client";

import NextLink from "next/link";
import { usePathname } from "next/navigation";

type Props = { target: "nl" | "en"; label: string; description: string };

// The same page in the other language: Dutch paths have no prefix, English ones start with /en. Only
// next/navigation is used here (not next-intl's client navigation), so the switch costs almost no
// JavaScript; labels come from the server so no messages ship to the client.
export function otherLanguagePath(pathname: string, target: "nl" | "en"): string {
  const dutch = pathname === "/en" ? "/" : pathname.startsWith("/en/") ? pathname.slice(3) : pathname;
  if (target === "nl") return dutch;
  return dutch === "/" ? "/en" : `/en${dutch}`;
}

export function LanguageSwitch({ target, label, description }: Props) {
  const pathname = usePathname();
  return (
    <NextLink
      href={otherLanguagePath(pathname, target)}
      hrefLang={target}
      lang={target}
      title={description}
      className="inline-flex min-h-11 items-center rounded-md border border-petrol-200 px-3 text-sm font-semibold text-petrol-800 hover:bg-petrol-50"
    >
      {label}
    </NextLink>
  );
}
