import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { pageAlternates } from "@/lib/site/urls";
import type { Locale } from "@/i18n/routing";

type Props = PageProps<"/[locale]/privacy">;

const SECTIONS = ["visit", "registration", "afterwards", "newsletter", "retention"] as const;
const PARAGRAPHS = ["p1", "p2", "p3", "p4"] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: "privacy" });
  return { title: t("title"), description: t("intro"), alternates: pageAlternates(locale, "/privacy") };
}

export default async function PrivacyPage({ params }: Props) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const t = await getTranslations("privacy");

  return (
    <main className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-semibold tracking-tight text-petrol-800 sm:text-4xl">{t("title")}</h1>
      <p className="mt-4 text-lg leading-relaxed">{t("intro")}</p>
      {SECTIONS.map((section) => (
        <section key={section} aria-labelledby={`privacy-${section}`} className="mt-10">
          <h2 id={`privacy-${section}`} className="text-2xl font-semibold text-petrol-800">
            {t(`${section}.title`)}
          </h2>
          {PARAGRAPHS.filter((p) => t.has(`${section}.${p}`)).map((p) => (
            <p key={p} className="mt-3 max-w-prose leading-relaxed">
              {t(`${section}.${p}` as "visit.p1")}
            </p>
          ))}
        </section>
      ))}
      <section aria-labelledby="privacy-rights" className="mt-10">
        <h2 id="privacy-rights" className="text-2xl font-semibold text-petrol-800">
          {t("rights.title")}
        </h2>
        <p className="mt-3 max-w-prose leading-relaxed">{t("rights.p1")}</p>
        <ul className="mt-2 max-w-prose list-disc space-y-1 pl-6">
          <li>{t("rights.download")}</li>
          <li>{t("rights.change")}</li>
          <li>{t("rights.cancel")}</li>
          <li>{t("rights.erase")}</li>
        </ul>
        <p className="mt-3 max-w-prose leading-relaxed">{t("rights.p2")}</p>
      </section>
      <p className="mt-10 text-sm text-muted">{t("updated")}</p>
    </main>
  );
}
