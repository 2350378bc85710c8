import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { NewsletterSignup } from "@/components/newsletter/newsletter-signup";
import { pageAlternates } from "@/lib/site/urls";
import type { Locale } from "@/i18n/routing";

type Props = PageProps<"/[locale]/nieuwsbrief">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: "newsletter" });
  return { title: t("title"), description: t("intro"), alternates: pageAlternates(locale, "/nieuwsbrief") };
}

export default async function NewsletterPage({ params }: Props) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  return (
    <main className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <NewsletterSignup locale={locale} headingLevel="h1" />
    </main>
  );
}
