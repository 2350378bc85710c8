import { getLocale, getTranslations } from "next-intl/server";
import { LocalizedLink as Link } from "@/components/site/localized-link";
import { LanguageSwitch } from "./language-switch";
import { MenuDisclosure } from "./menu-disclosure";

const LINKS = [
  { href: "/", key: "conferences" },
  { href: "/sfeerverslagen", key: "reports" },
  { href: "/dossiers", key: "dossiers" },
  // A plain link, no session check: reading the session here would make every public page dynamic.
  { href: "/beheer", key: "organisers" },
] as const;

// One compact bar. On a phone the links fold into a menu (a <details>: a disclosure that screen readers
// announce as such and that opens without JavaScript), so the page starts within the first 70 px; from
// tablet width up they stand in the bar. Only one of the two navs is ever displayed, so there is one landmark.
export async function SiteHeader() {
  const locale = await getLocale();
  const t = await getTranslations("site");
  const other = locale === "nl" ? "en" : "nl";
  const language = <LanguageSwitch target={other} label={t("language.switchTo")} description={t("language.switchToLabel")} />;
  return (
    <header className="relative border-b border-line bg-white print:hidden">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-2 sm:px-6 md:py-3">
        <Link href="/" className="flex min-h-11 items-center gap-2 text-petrol-800 no-underline">
          <span className="text-2xl font-semibold tracking-tight">{t("name")}</span>
          <span className="hidden text-sm text-muted lg:inline">{t("tagline")}</span>
        </Link>
        <nav aria-label={t("nav.label")} className="hidden items-center gap-3 md:flex">
          {LINKS.map((link) => (
            <Link key={link.href} href={link.href} className="inline-flex min-h-11 items-center rounded px-2 text-petrol-800 hover:underline">
              {t(`nav.${link.key}`)}
            </Link>
          ))}
          {language}
        </nav>
        <div className="flex items-center gap-2 md:hidden">
          {language}
          <MenuDisclosure
            summary={
                <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 rounded-md border border-petrol-200 px-3 font-semibold text-petrol-800 hover:bg-petrol-50 [&::-webkit-details-marker]:hidden">
                <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
                  <path className="group-open:hidden" d="M4 7h16M4 12h16M4 17h16" />
                  <path className="hidden group-open:block" d="M6 6l12 12M18 6L6 18" />
                </svg>
                {t("nav.menu")}
              </summary>
            }
          >
            <nav aria-label={t("nav.label")} className="absolute inset-x-0 top-full z-30 border-b border-line bg-white shadow-md">
              <ul className="mx-auto max-w-6xl divide-y divide-line px-4">
                {LINKS.map((link) => (
                  <li key={link.href}>
                    <Link href={link.href} className="flex min-h-12 items-center text-lg font-semibold text-petrol-800 hover:underline">
                      {t(`nav.${link.key}`)}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          </MenuDisclosure>
        </div>
      </div>
    </header>
  );
}
