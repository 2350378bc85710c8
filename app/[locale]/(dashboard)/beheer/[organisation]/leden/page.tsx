import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { InviteForm } from "@/components/dashboard/invite-form";
import { MemberActions } from "@/components/dashboard/member-actions";
import { RevokeInvitationForm } from "@/components/dashboard/revoke-invitation-form";
import { requireOrganisationPage } from "@/lib/auth/page-access";
import { MANAGE_MEMBERS } from "@/lib/auth/roles";
import { formatShortDate } from "@/lib/format";
import { INVITATION_DAYS } from "@/lib/organisations/constants";
import { listMembers, listOpenInvitations } from "@/lib/organisations/queries";
import { dashboardMetadata } from "../../../dashboard-metadata";

type Props = PageProps<"/[locale]/beheer/[organisation]/leden">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "dashboard.members" });
  return dashboardMetadata(locale, t("title"));
}

// Owners only; anyone else gets the 404 page (see requireOrganisationPage).
export default async function MembersPage({ params }: Props) {
  const { locale, organisation: slug } = (await params) as { locale: Locale; organisation: string };
  setRequestLocale(locale);
  const access = await requireOrganisationPage(locale, slug, MANAGE_MEMBERS, `/beheer/${slug}/leden`);
  const [members, invitations, t, tRoles, messages] = await Promise.all([
    listMembers(access.organisation.id),
    listOpenInvitations(access.organisation.id),
    getTranslations("dashboard.members"),
    getTranslations("auth.roles"),
    getMessages(),
  ]);
  const organisationName = access.organisation.name;

  return (
    <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <h1 className="text-2xl font-semibold text-petrol-800 sm:text-3xl">{t("title")}</h1>
      <p className="mt-2 max-w-prose text-muted">{t("intro", { organisation: organisationName })}</p>

      <NextIntlClientProvider
        messages={{ dashboard: messages.dashboard, auth: { roles: messages.auth.roles }, validation: messages.validation }}
      >
        <div className="mt-6 grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <section aria-labelledby="leden">
            <h2 id="leden" className="sr-only">
              {t("title")}
            </h2>
            <ul className="divide-y divide-line rounded-lg border border-line bg-white">
              {members.map((member) => {
                const name = member.user.name ?? member.user.email;
                const self = member.user.id === access.user.id;
                return (
                  <li key={member.id} className="p-4">
                    <MemberActions
                      membershipId={member.id}
                      role={member.role}
                      name={name}
                      organisationName={organisationName}
                      self={self}
                      locale={locale}
                    >
                      <p className="font-semibold">
                        {name}
                        {self && <span className="font-normal text-muted"> ({t("you")})</span>}
                      </p>
                      {member.user.name && <p className="break-all text-sm text-muted">{member.user.email}</p>}
                      <p className="text-sm text-muted">
                        {tRoles(member.role)} · {t("columns.since")} {formatShortDate(member.createdAt, locale)}
                      </p>
                    </MemberActions>
                  </li>
                );
              })}
            </ul>
          </section>

          <div className="space-y-8">
            <section aria-labelledby="uitnodigen" className="rounded-lg border border-line bg-white p-5">
              <h2 id="uitnodigen" className="text-xl font-semibold text-petrol-800">
                {t("inviteTitle")}
              </h2>
              <p className="mb-4 mt-1 text-sm text-muted">{t("inviteIntro", { days: INVITATION_DAYS })}</p>
              <InviteForm organisationId={access.organisation.id} locale={locale} />
            </section>

            <section aria-labelledby="openstaand">
              <h2 id="openstaand" className="text-xl font-semibold text-petrol-800">
                {t("invitationsTitle")}
              </h2>
              {invitations.length === 0 ? (
                <p className="mt-2 text-muted">{t("invitationsEmpty")}</p>
              ) : (
                <ul className="mt-3 space-y-3">
                  {invitations.map((invitation) => (
                    <li key={invitation.id} className="rounded-lg border border-line bg-white p-4">
                      <p className="break-all font-semibold">{invitation.email}</p>
                      <p className="mb-2 text-sm text-muted">
                        {tRoles(invitation.role)} · {t("validUntil", { date: formatShortDate(invitation.expiresAt, locale) })}
                      </p>
                      <RevokeInvitationForm invitationId={invitation.id} email={invitation.email} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
        </div>
      </NextIntlClientProvider>
    </main>
  );
}
