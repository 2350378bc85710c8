import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("site");
  return (
    <footer className="mt-16 border-t border-line bg-petrol-900 text-petrol-50">
      <div className="mx-auto max-w-6xl px-4 py-8 text-sm sm:px-6">
        <p className="max-w-prose">{t("footer.about")}</p>
      </div>
    </footer>
  );
}
