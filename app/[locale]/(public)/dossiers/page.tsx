import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocalizedLink as Link } from "@/components/site/localized-link";
import { listDossiers } from "@/lib/dossiers/queries";
import { contentLang } from "@/lib/site/content-lang";
import { pageAlternates } from "@/lib/site/urls";
import type { Locale } from "@/i18n/routing";

type Props = PageProps<"/[locale]/dossiers">;

// Served from the cache; a dossier or report change expires it through the tags of listDossiers.
export const revalidate = 60;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: "dossier" });
  return { title: t("title"), description: t("intro"), alternates: pageAlternates(locale, "/dossiers") };
}

export default async function DossiersPage({ params }: Props) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const t = await getTranslations("dossier");
  const dossiers = await listDossiers();
  const lang = contentLang(locale);

  return (
    <main className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-semibold tracking-tight text-petrol-800 sm:text-4xl">{t("title")}</h1>
      <p className="mt-3 max-w-2xl text-lg text-muted">{t("intro")}</p>
      {dossiers.length === 0 ? (
        <p className="mt-8 rounded-xl border border-line bg-white p-6">
          {t("empty")}{" "}
          <Link href="/sfeerverslagen" className="font-semibold text-petrol-700 underline">
            {t("allReports")}
          </Link>
        </p>
      ) : (
        <ul className="mt-8 grid gap-6 md:grid-cols-2">
          {dossiers.map((dossier) => (
            <li key={dossier.slug} className="relative rounded-xl border border-line bg-white p-6 hover:border-petrol-200">
              <h2 lang={lang} className="text-xl font-semibold text-petrol-800">
                <Link href={`/dossiers/${dossier.slug}`} className="after:absolute after:inset-0 hover:underline">
                  {dossier.title}
                </Link>
              </h2>
              <p className="mt-1 text-sm font-semibold text-petrol-700">{t("reportCount", { count: dossier.reportCount })}</p>
              {dossier.description && (
                <p lang={lang} className="mt-3 line-clamp-4 text-muted">
                  {dossier.description}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
