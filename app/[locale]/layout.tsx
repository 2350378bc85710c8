import "../globals.css";
import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { routing } from "@/i18n/routing";
import { SiteHeader } from "@/components/site/site-header";
import { SiteFooter } from "@/components/site/site-footer";
import { env } from "@/lib/env";
import { feedAlternates } from "@/lib/site/urls";
import { fontVariables } from "../fonts";

// Nothing is rendered at build time (the build has no database); each page is rendered on its first visit
// and then served from Next's cache until its data changes (see lib/cache-tags.ts).
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: LayoutProps<"/[locale]">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "site" });
  return {
    metadataBase: new URL(env.APP_URL),
    title: { default: `${t("name")}: ${t("tagline")}`, template: `%s · ${t("name")}` },
    description: t("tagline"),
    // Pages with their own canonical URL repeat these (see pageAlternates); this covers the rest.
    alternates: { types: feedAlternates(hasLocale(routing.locales, locale) ? locale : routing.defaultLocale) },
  };
}

export const viewport: Viewport = {
  themeColor: "#0b4652",
  width: "device-width",
  initialScale: 1,
};

export default async function LocaleLayout({ children, params }: LayoutProps<"/[locale]">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "site" });

  return (
    <html lang={locale} className={fontVariables}>
      <body className="flex min-h-screen flex-col font-sans antialiased">
        <a
          href="#inhoud"
          className="sr-only print:hidden focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:text-petrol-800"
        >
          {t("skipToContent")}
        </a>
        {/* No client i18n here: its provider costs every public page about 12 KB of gzipped JavaScript that
            none of their client components uses. Public pages link with LocalizedLink (next-intl's Link needs
            the provider on the client); the parts that use next-intl on the client have their own provider
            (components/site/client-intl.tsx, or one with exactly the messages a form needs). */}
        <SiteHeader />
        <div id="inhoud" className="flex-1">
          {children}
        </div>
        <SiteFooter />
      </body>
    </html>
  );
}
