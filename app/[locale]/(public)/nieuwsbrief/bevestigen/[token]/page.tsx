import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { NewsletterNotice } from "@/components/newsletter/newsletter-notice";
import { confirmAction } from "@/lib/newsletter/actions";
import type { Locale } from "@/i18n/routing";

type Props = PageProps<"/[locale]/nieuwsbrief/bevestigen/[token]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: "newsletter" });
  return { title: t("confirm.title"), robots: { index: false, follow: false } };
}

// Opening the link does not confirm: mail scanners open links too, and a confirmation they trigger would
// subscribe someone who never asked. The button (a POST) is the person's own act.
export default async function ConfirmPage({ params, searchParams }: Props) {
  const { locale, token } = (await params) as { locale: Locale; token: string };
  setRequestLocale(locale);
  const t = await getTranslations("newsletter");
  if ((await searchParams).ongeldig) {
    return (
      <NewsletterNotice title={t("confirm.invalidTitle")} tone="bad" backLabel={t("back")}>
        <p>{t("confirm.invalidText")}</p>
      </NewsletterNotice>
    );
  }
  return (
    <NewsletterNotice title={t("confirm.title")} backLabel={t("back")}>
      <p>{t("confirm.text")}</p>
      <form action={confirmAction}>
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="locale" value={locale} />
        <button
          type="submit"
          className="inline-flex min-h-12 items-center justify-center rounded-md bg-accent-600 px-6 text-lg font-semibold text-white hover:bg-accent-700"
        >
          {t("confirm.button")}
        </button>
      </form>
      <p className="text-base text-muted">{t("confirm.why")}</p>
    </NewsletterNotice>
  );
}
