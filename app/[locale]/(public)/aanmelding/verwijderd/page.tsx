import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/i18n/routing";

export default async function ErasedPage({ params }: PageProps<"/[locale]/aanmelding/verwijderd">) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const t = await getTranslations("manage");
  return (
    <main className="mx-auto max-w-2xl px-4 py-16 sm:px-6">
      <h1 className="text-3xl font-semibold text-petrol-800">{t("eraseTitle")}</h1>
      <p role="status" className="mt-4 text-lg">
        {t("erased")}
      </p>
    </main>
  );
}
