import NextLink from "next/link";
import type { ComponentProps } from "react";
import { getLocale } from "next-intl/server";
import { localizedPath } from "@/lib/site/urls";

type Props = Omit<ComponentProps<typeof NextLink>, "href"> & { href: string };

// A link to a page in the current language, for server components on the public site. Plain next/link with
// the /en prefix added here: next-intl's Link is a client component that brings next-intl's client runtime
// onto every page that uses it, and the public pages have a JavaScript budget.
export async function LocalizedLink({ href, ...props }: Props) {
  const locale = await getLocale();
  return <NextLink href={localizedPath(locale === "en" ? "en" : "nl", href)} {...props} />;
}
