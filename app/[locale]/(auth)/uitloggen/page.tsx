import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { AuthPanel } from "@/components/dashboard/auth-panel";
import { SignOutButton } from "@/components/dashboard/sign-out-button";
import { primaryButton } from "@/components/dashboard/styles";
import { currentUser } from "@/lib/auth/session";
import { authMetadata } from "../metadata";

type Props = PageProps<"/[locale]/uitloggen">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return authMetadata((await params).locale, "signOut.title");
}

// Reached from a bookmark or from Auth.js's own sign-out URL: opening a page never signs anyone out; the
// button does.
export default async function SignOutPage({ params }: Props) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const t = await getTranslations("auth.signOut");
  const user = await currentUser();
  return (
    <AuthPanel title={t("title")}>
      {user ? (
        <>
          <p>{t("text")}</p>
          <SignOutButton locale={locale} label={t("submit")} className={primaryButton} />
        </>
      ) : (
        <>
          <p>{t("notSignedIn")}</p>
          <p>
            <Link href="/inloggen" className="font-semibold text-petrol-700 underline">
              {t("toSignIn")}
            </Link>
          </p>
        </>
      )}
    </AuthPanel>
  );
}
