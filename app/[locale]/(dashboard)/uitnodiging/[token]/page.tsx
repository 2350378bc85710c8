import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { AcceptInvitationForm } from "@/components/dashboard/accept-invitation-form";
import { AuthPanel } from "@/components/dashboard/auth-panel";
import { FormMessage } from "@/components/dashboard/form-message";
import { SignOutButton } from "@/components/dashboard/sign-out-button";
import { primaryButton, secondaryButton } from "@/components/dashboard/styles";
import { localizedPath } from "@/lib/site/urls";
import { currentUser } from "@/lib/auth/session";
import { findInvitationByToken } from "@/lib/organisations/queries";
import { emailKey } from "@/lib/text";

type Props = PageProps<"/[locale]/uitnodiging/[token]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "auth" });
  // The URL holds the invitation's secret: not indexed, not passed to other sites as a referrer (and not
  // "no-referrer", which makes browsers post forms with Origin: null, refused by Next's server actions).
  return { title: t("invitation.pageTitle"), robots: { index: false, follow: false }, referrer: "same-origin" };
}

/**
 * The emailed invitation link. Opening it changes nothing (mail scanners open links too): signed in with the
 * invited address, the person accepts with a button; otherwise they are asked to sign in with that address,
 * which the open invitation allows, and come back here.
 */
export default async function InvitationPage({ params }: Props) {
  const { locale, token } = (await params) as { locale: Locale; token: string };
  setRequestLocale(locale);
  const invitation = await findInvitationByToken(token);
  if (!invitation) notFound();
  const [t, tRoles, tDescriptions, user, messages] = await Promise.all([
    getTranslations("auth.invitation"),
    getTranslations("auth.roles"),
    getTranslations("auth.roleDescriptions"),
    currentUser(),
    getMessages(),
  ]);
  const open = !invitation.acceptedAt && invitation.expiresAt > new Date();
  const title = t("title", { organisation: invitation.organisation.name });
  const path = `/uitnodiging/${token}`;

  if (!open) {
    return (
      <AuthPanel title={title}>
        <FormMessage kind="error">{t("expired")}</FormMessage>
        {user && (
          <Link href="/beheer" className={secondaryButton}>
            {t("toDashboard")}
          </Link>
        )}
      </AuthPanel>
    );
  }

  return (
    <AuthPanel title={title}>
      <p className="text-lg">
        {t("role", { role: tRoles(invitation.role), description: tDescriptions(invitation.role) })}
      </p>
      {!user ? (
        <>
          <p>{t("signInFirst", { email: invitation.email })}</p>
          <Link href={{ pathname: "/inloggen", query: { callbackUrl: localizedPath(locale, path) } }} className={primaryButton}>
            {t("signIn")}
          </Link>
        </>
      ) : emailKey(user.email) !== invitation.email ? (
        <>
          <FormMessage kind="error">{t("wrongAccount", { email: user.email })}</FormMessage>
          <SignOutButton locale={locale} label={t("signOut")} className={secondaryButton} />
        </>
      ) : (
        <NextIntlClientProvider messages={{ dashboard: messages.dashboard }}>
          <AcceptInvitationForm invitationId={invitation.id} locale={locale} label={t("accept")} />
        </NextIntlClientProvider>
      )}
    </AuthPanel>
  );
}
