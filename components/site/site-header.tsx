import { getLocale, getTranslations } from "next-intl/server";
import { LocalizedLink as Link } from "@/components/site/localized-link";
import { LanguageSwitch } from "./language-switch";

export async function SiteHeader() {
  const locale = await getLocale();
  const t = await getTranslations("site");
  const other = locale === "nl" ? "en" : "nl";
  return (
    <header className="border-b border-line bg-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-baseline gap-2 text-petrol-800 no-underline">
          <span className="text-2xl font-semibold tracking-tight">{t("name")}</span>
          <span className="hidden text-sm text-muted sm:inline">{t("tagline")}</span>
        </Link>
        <nav aria-label={t("nav.label")} className="flex flex-wrap items-center gap-1 sm:gap-3">
          <Link href="/" className="rounded px-2 py-2 text-petrol-800 hover:underline">
            {t("nav.conferences")}
          </Link>
          <Link href="/sfeerverslagen" className="rounded px-2 py-2 text-petrol-800 hover:underline">
            {t("nav.reports")}
          </Link>
          <Link href="/dossiers" className="rounded px-2 py-2 text-petrol-800 hover:underline">
            {t("nav.dossiers")}
          </Link>
          {/* A plain link, no session check: reading the session here would make every public page dynamic. */}
          <Link href="/beheer" className="rounded px-2 py-2 text-petrol-800 hover:underline">
            {t("nav.organisers")}
          </Link>
          <LanguageSwitch target={other} label={t("language.switchTo")} description={t("language.switchToLabel")} />
        </nav>
      </div>
    </header>
  );
}
