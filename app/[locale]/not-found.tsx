import { getTranslations } from "next-intl/server";
import { LocalizedLink as Link } from "@/components/site/localized-link";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <main className="mx-auto max-w-2xl px-4 py-20 sm:px-6">
      <h1 className="text-3xl font-semibold text-petrol-800">{t("notFoundTitle")}</h1>
      <p className="mt-4 text-lg">{t("notFoundText")}</p>
      <p className="mt-8">
        <Link href="/" className="font-semibold text-petrol-700 underline">
          {t("backHome")}
        </Link>
      </p>
    </main>
  );
}
