import { getTranslations } from "next-intl/server";
import { LocalizedLink as Link } from "@/components/site/localized-link";
import { FEEDS, webcalUrl } from "@/lib/site/urls";

export async function SiteFooter() {
  const t = await getTranslations("site");
  const linkClass = "inline-flex min-h-11 items-center text-white underline hover:text-petrol-100";
  return (
    <footer className="mt-16 border-t border-line bg-petrol-900 text-petrol-50 print:hidden">
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 text-sm sm:px-6 md:grid-cols-[1fr_auto]">
        <p className="max-w-prose">{t("footer.about")}</p>
        <nav aria-label={t("footer.label")}>
          <ul className="flex flex-wrap gap-x-6 md:flex-col md:gap-x-0">
            <li>
              <Link href="/nieuwsbrief" className={linkClass}>
                {t("footer.newsletter")}
              </Link>
            </li>
            <li>
              <Link href="/privacy" className={linkClass}>
                {t("footer.privacy")}
              </Link>
            </li>
            <li>
              <a href={FEEDS.reports} className={linkClass}>
                {t("footer.rss")}
              </a>
            </li>
            {/* Subscribing keeps a calendar app up to date; the download is a one-time import. */}
            <li>
              <a href={webcalUrl(FEEDS.conferences)} className={linkClass}>
                {t("footer.calendarSubscribe")}
              </a>
            </li>
            <li>
              <a href={FEEDS.conferences} download className={linkClass}>
                {t("footer.calendar")}
              </a>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
