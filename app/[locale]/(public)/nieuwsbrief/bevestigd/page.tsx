import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { NewsletterNotice } from "@/components/newsletter/newsletter-notice";
import type { Locale } from "@/i18n/routing";

type Props = PageProps<"/[locale]/nieuwsbrief/bevestigd">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: "newsletter" });
  return { title: t("confirm.doneTitle"), robots: { index: false } };
}

export default async function ConfirmedPage({ params }: Props) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const t = await getTranslations("newsletter");
  return (
    <NewsletterNotice title={t("confirm.doneTitle")} tone="ok" backLabel={t("back")}>
      <p role="status">{t("confirm.doneText")}</p>
    </NewsletterNotice>
  );
}
