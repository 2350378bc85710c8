import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { ForgetTicketLists } from "@/components/checkin/forget-ticket-lists";
import { AuthPanel } from "@/components/dashboard/auth-panel";
import { FormMessage } from "@/components/dashboard/form-message";
import { SignInForm } from "@/components/dashboard/sign-in-form";
import { localPath } from "@/lib/auth/schema";
import { currentUser } from "@/lib/auth/session";
import { authMetadata } from "../metadata";

type Props = PageProps<"/[locale]/inloggen">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return authMetadata((await params).locale, "signIn.title");
}

// Errors Auth.js redirects here with (?error=...); anything else reads as the general message.
const KNOWN_ERRORS = ["Verification", "AccessDenied"] as const;

function single(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export default async function SignInPage({ params, searchParams }: Props) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const query = await searchParams;
  const t = await getTranslations("auth");
  const messages = await getMessages();
  const callbackUrl = localPath.safeParse(single(query.callbackUrl)).data;
  const errorParam = single(query.error);
  const error = errorParam ? (KNOWN_ERRORS.find((e) => e === errorParam) ?? "default") : undefined;
  const user = await currentUser();

  return (
    <AuthPanel title={t("signIn.title")}>
      {single(query.uitgelogd) === "1" && (
        <>
          <FormMessage kind="ok">{t("signIn.signedOut")}</FormMessage>
          <ForgetTicketLists />
        </>
      )}
      {error && <FormMessage kind="error">{t(`signIn.errors.${error}`)}</FormMessage>}
      {user && (
        <p className="rounded-md bg-petrol-50 p-3">
          {t("signIn.alreadySignedIn", { email: user.email })}{" "}
          <Link href="/beheer" className="font-semibold text-petrol-700 underline">
            {t("signIn.toDashboard")}
          </Link>
        </p>
      )}
      <p>{t("signIn.intro")}</p>
      <NextIntlClientProvider messages={{ auth: messages.auth, validation: messages.validation }}>
        <SignInForm locale={locale} callbackUrl={callbackUrl} />
      </NextIntlClientProvider>
      <p className="border-t border-line pt-5 text-muted">
        {t("signIn.visitors")}{" "}
        <Link href="/" className="font-semibold text-petrol-700 underline">
          {t("signIn.visitorsLink")}
        </Link>
      </p>
    </AuthPanel>
  );
}
