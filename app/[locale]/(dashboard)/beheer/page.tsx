import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { Link, redirect } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { AcceptInvitationForm } from "@/components/dashboard/accept-invitation-form";
import { AccountBar } from "@/components/dashboard/account-bar";
import { requireUserForPage } from "@/lib/auth/page-access";
import { listInvitationsFor, listUserOrganisations } from "@/lib/organisations/queries";
import { dashboardMetadata } from "../dashboard-metadata";

type Props = PageProps<"/[locale]/beheer">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return dashboardMetadata((await params).locale);
}

// /beheer: straight into the only organisation, a choice when there are several, and for someone with none
// yet the empty state with any invitations waiting for their address.
export default async function DashboardHome({ params }: Props) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const user = await requireUserForPage(locale, "/beheer");
  const [organisations, invitations] = await Promise.all([listUserOrganisations(user.id), listInvitationsFor(user.email)]);
  const only = organisations[0];
  if (organisations.length === 1 && only && invitations.length === 0) redirect({ href: `/beheer/${only.slug}`, locale });

  const t = await getTranslations("dashboard");
  const tRoles = await getTranslations("auth.roles");
  const messages = await getMessages();

  return (
    <main className="mx-auto max-w-3xl px-4 py-8 sm:px-6">
      <AccountBar user={user} locale={locale} />
      {organisations.length === 0 ? (
        <>
          <h1 className="mt-6 text-2xl font-semibold text-petrol-800 sm:text-3xl">{t("picker.emptyTitle")}</h1>
          <p className="mt-3 max-w-prose">{t("picker.emptyText")}</p>
        </>
      ) : (
        <>
          <h1 className="mt-6 text-2xl font-semibold text-petrol-800 sm:text-3xl">{t("picker.title")}</h1>
          <p className="mt-2 text-muted">{t("picker.intro")}</p>
          <ul className="mt-6 space-y-3">
            {organisations.map((o) => (
              <li key={o.slug}>
                <Link
                  href={`/beheer/${o.slug}`}
                  className="flex min-h-12 flex-wrap items-baseline justify-between gap-2 rounded-lg border border-line bg-white p-4 hover:border-petrol-600 hover:bg-petrol-50"
                >
                  <span className="text-lg font-semibold text-petrol-800">{o.name}</span>
                  <span className="text-muted">{t("picker.role", { role: tRoles(o.role) })}</span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
      {invitations.length > 0 && (
        <section aria-labelledby="uitnodigingen" className="mt-10">
          <h2 id="uitnodigingen" className="text-xl font-semibold text-petrol-800">
            {t("picker.invitationsTitle")}
          </h2>
          <NextIntlClientProvider messages={{ dashboard: messages.dashboard }}>
            <ul className="mt-3 space-y-3">
              {invitations.map((invitation) => (
                <li key={invitation.id} className="rounded-lg border border-line bg-white p-4">
                  <p className="mb-3 font-semibold">
                    {t("picker.invitation", { organisation: invitation.organisation.name, role: tRoles(invitation.role) })}
                  </p>
                  <AcceptInvitationForm invitationId={invitation.id} locale={locale} label={t("picker.accept")} />
                </li>
              ))}
            </ul>
          </NextIntlClientProvider>
        </section>
      )}
    </main>
  );
}
