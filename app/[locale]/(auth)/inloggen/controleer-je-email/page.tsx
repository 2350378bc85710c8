import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { AuthPanel } from "@/components/dashboard/auth-panel";
import { SIGN_IN_LINK_MINUTES } from "@/lib/auth/constants";
import { authMetadata } from "../../metadata";

type Props = PageProps<"/[locale]/inloggen/controleer-je-email">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return authMetadata((await params).locale, "checkEmail.title");
}

// The same page for every address, known or not, and it does not repeat the address: nothing here tells
// whether an email was sent.
export default async function CheckEmailPage({ params }: Props) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const t = await getTranslations("auth.checkEmail");
  return (
    <AuthPanel title={t("title")}>
      <p role="status" className="text-lg">
        <span aria-hidden>✉ </span>
        {t("text")}
      </p>
      <p>{t("validity", { minutes: SIGN_IN_LINK_MINUTES })}</p>
      <p className="text-muted">{t("noMail")}</p>
      <p>
        <Link href="/inloggen" className="font-semibold text-petrol-700 underline">
          {t("again")}
        </Link>
      </p>
    </AuthPanel>
  );
}
