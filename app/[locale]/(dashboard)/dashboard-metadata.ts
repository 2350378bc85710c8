import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

/** Dashboard pages are private: never indexed. */
export async function dashboardMetadata(locale: string, title?: string): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: "dashboard" });
  return { title: title ? `${title} · ${t("title")}` : t("title"), robots: { index: false, follow: false } };
}
