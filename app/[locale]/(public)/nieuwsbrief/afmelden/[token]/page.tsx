import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { NewsletterNotice } from "@/components/newsletter/newsletter-notice";
import { unsubscribeAction } from "@/lib/newsletter/actions";
import type { Locale } from "@/i18n/routing";

type Props = PageProps<"/[locale]/nieuwsbrief/afmelden/[token]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: "newsletter" });
  return { title: t("unsubscribe.title"), robots: { index: false, follow: false } };
}

// One button, one click. The page looks the same whether or not the token belongs to anyone, so it tells
// nobody which addresses are on the list. Mail clients that support it unsubscribe without this page, through
// the List-Unsubscribe-Post header (app/api/newsletter/unsubscribe).
export default async function UnsubscribePage({ params }: Props) {
  const { locale, token } = (await params) as { locale: Locale; token: string };
  setRequestLocale(locale);
  const t = await getTranslations("newsletter");
  return (
    <NewsletterNotice title={t("unsubscribe.title")} backLabel={t("back")}>
      <p>{t("unsubscribe.text")}</p>
      <form action={unsubscribeAction}>
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="locale" value={locale} />
        <button
          type="submit"
          className="inline-flex min-h-12 items-center justify-center rounded-md bg-petrol-800 px-6 text-lg font-semibold text-white hover:bg-petrol-900"
        >
          {t("unsubscribe.button")}
        </button>
      </form>
    </NewsletterNotice>
  );
}
