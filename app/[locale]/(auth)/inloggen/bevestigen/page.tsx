import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { AuthPanel } from "@/components/dashboard/auth-panel";
import { FormMessage } from "@/components/dashboard/form-message";
import { primaryButton } from "@/components/dashboard/styles";
import { EMAIL_PROVIDER_ID } from "@/lib/auth/constants";
import { localizedPath } from "@/lib/site/urls";
import { localPath } from "@/lib/auth/schema";
import { authMetadata } from "../../metadata";

type Props = PageProps<"/[locale]/inloggen/bevestigen">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  // The URL holds the one-time token; authMetadata keeps it out of other sites' logs.
  return authMetadata((await params).locale, "confirm.title");
}

function single(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/**
 * Where the emailed link lands. Opening it changes nothing, so a mail scanner that fetches every link cannot
 * spend the token; the button sends it to Auth.js's callback, which checks and deletes it and starts the
 * session. A plain GET form: works without JavaScript.
 */
export default async function ConfirmSignInPage({ params, searchParams }: Props) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const query = await searchParams;
  const t = await getTranslations("auth.confirm");
  const token = single(query.token);
  const email = single(query.email);
  const callbackUrl = localPath.safeParse(single(query.callbackUrl)).data ?? localizedPath(locale, "/beheer");

  if (!token || !email) {
    return (
      <AuthPanel title={t("title")}>
        <FormMessage kind="error">{t("incomplete")}</FormMessage>
        <p>
          <Link href="/inloggen" className="font-semibold text-petrol-700 underline">
            {t("again")}
          </Link>
        </p>
      </AuthPanel>
    );
  }

  return (
    <AuthPanel title={t("title")}>
      <p className="text-lg">{t("text", { email })}</p>
      <form method="get" action={`/api/auth/callback/${EMAIL_PROVIDER_ID}`}>
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="email" value={email} />
        <button type="submit" className={`${primaryButton} w-full sm:w-auto`}>
          {t("submit")}
        </button>
      </form>
      <p className="text-sm text-muted">{t("why")}</p>
    </AuthPanel>
  );
}
