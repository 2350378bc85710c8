import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { AccountBar } from "@/components/dashboard/account-bar";
import { DashboardNav } from "@/components/dashboard/dashboard-nav";
import { requireOrganisationPage } from "@/lib/auth/page-access";
import { CHECK_IN, MANAGE_MEMBERS, hasRole } from "@/lib/auth/roles";
import { listUserOrganisations } from "@/lib/organisations/queries";

// The frame of one organisation's dashboard. It checks membership for its own rendering (name, tabs); each
// page checks again for itself, because a layout is not re-rendered on every navigation.
export default async function OrganisationLayout({ children, params }: LayoutProps<"/[locale]/beheer/[organisation]">) {
  const { locale, organisation: slug } = (await params) as { locale: Locale; organisation: string };
  setRequestLocale(locale);
  const access = await requireOrganisationPage(locale, slug, CHECK_IN, `/beheer/${slug}`);
  const [t, tEditor, tRoles, tReports, tNewsletter, tAudit, tIntegrations, organisations] = await Promise.all([
    getTranslations("dashboard.shell"),
    getTranslations("editor.nav"),
    getTranslations("auth.roles"),
    getTranslations("reportEditor"),
    getTranslations("newsletterAdmin"),
    getTranslations("auditLog"),
    getTranslations("integrations"),
    listUserOrganisations(access.user.id),
  ]);
  const base = `/beheer/${slug}`;
  const items =
    access.role === "HOST"
      ? [{ href: base, label: t("checkIn") }]
      : [
          { href: base, label: t("conferences") },
          { href: `${base}/locaties`, label: tEditor("venues") },
          { href: `${base}/sprekers`, label: tEditor("speakers") },
          { href: `${base}/sfeerverslagen`, label: tReports("nav") },
          { href: `${base}/nieuwsbrief`, label: tNewsletter("nav") },
          { href: `${base}/logboek`, label: tAudit("nav") },
          { href: `${base}/instellingen`, label: t("settings") },
          ...(hasRole(access.role, MANAGE_MEMBERS)
            ? [
                { href: `${base}/leden`, label: t("members") },
                { href: `${base}/koppelingen`, label: tIntegrations("nav") },
              ]
            : []),
        ];

  return (
    <div className="bg-paper print:bg-white">
      {/* Not on paper: the badges page prints only its badges. */}
      <div className="border-b border-line bg-white print:hidden">
        <div className="mx-auto max-w-6xl px-4 pt-4 sm:px-6">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div>
              <p className="text-sm text-muted">{t("organisation")}</p>
              <p className="text-xl font-semibold text-petrol-800">{access.organisation.name}</p>
              <p className="text-sm text-muted">
                {t("yourRole", { role: tRoles(access.role) })}
                {organisations.length > 1 && (
                  <>
                    {" · "}
                    <Link href="/beheer" className="inline-block py-1 font-semibold text-petrol-700 underline">
                      {t("switchOrganisation")}
                    </Link>
                  </>
                )}
              </p>
            </div>
            <AccountBar user={access.user} locale={locale} />
          </div>
          <div className="mt-3">
            <DashboardNav label={t("navLabel")} items={items} />
          </div>
        </div>
      </div>
      {children}
    </div>
  );
}
