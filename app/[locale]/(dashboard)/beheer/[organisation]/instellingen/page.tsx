import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { OrganisationSettingsForm } from "@/components/dashboard/organisation-settings-form";
import { PageHeading } from "@/components/editor/page-heading";
import { Link } from "@/i18n/navigation";
import { requireOrganisationPage } from "@/lib/auth/page-access";
import { ORGANISE } from "@/lib/auth/roles";
import { getOrganisationSettings } from "@/lib/organisations/queries";
import { dashboardMetadata } from "../../../dashboard-metadata";

type Props = PageProps<"/[locale]/beheer/[organisation]/instellingen">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "dashboard.settings" });
  return dashboardMetadata(locale, t("title"));
}

export default async function OrganisationSettingsPage({ params }: Props) {
  const { locale, organisation: slug } = (await params) as { locale: Locale; organisation: string };
  setRequestLocale(locale);
  const access = await requireOrganisationPage(locale, slug, ORGANISE, `/beheer/${slug}/instellingen`);
  const [settings, t, tRetention, messages] = await Promise.all([
    getOrganisationSettings(access.organisation.id),
    getTranslations("dashboard.settings"),
    getTranslations("retention"),
    getMessages(),
  ]);
  return (
    <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <PageHeading title={t("title")} intro={t("intro")} />
      {/* The form's words and the editor's (save, errors), and no more. */}
      <NextIntlClientProvider messages={{ editor: messages.editor, dashboard: { settings: messages.dashboard.settings } }}>
        <section aria-label={t("title")} className="mt-6 max-w-2xl rounded-lg border border-line bg-white p-5">
          <OrganisationSettingsForm
            locale={locale}
            organisationId={access.organisation.id}
            values={{ name: settings.name, website: settings.website ?? "", contactEmail: settings.contactEmail ?? "" }}
          />
        </section>
      </NextIntlClientProvider>
      <p className="mt-6 max-w-2xl">
        <Link href={`/beheer/${slug}/instellingen/bewaartermijnen`} className="font-semibold text-petrol-700 underline">
          {tRetention("settingsLink")}
        </Link>
        <br />
        <span className="text-sm text-muted">{tRetention("settingsLinkHint")}</span>
      </p>
    </main>
  );
}
