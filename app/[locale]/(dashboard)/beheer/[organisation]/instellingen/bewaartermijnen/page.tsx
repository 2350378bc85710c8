import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { PageHeading } from "@/components/editor/page-heading";
import { RetentionSchedule } from "@/components/retention/retention-schedule";
import { RetentionSettingsForm } from "@/components/retention/retention-settings-form";
import { requireOrganisationPage } from "@/lib/auth/page-access";
import { MANAGE_MEMBERS, ORGANISE, hasRole } from "@/lib/auth/roles";
import { getRetentionSchedule, getRetentionSettings } from "@/lib/retention/queries";
import { dashboardMetadata } from "../../../../dashboard-metadata";

type Props = PageProps<"/[locale]/beheer/[organisation]/instellingen/bewaartermijnen">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "retention" });
  return dashboardMetadata(locale, t("title"));
}

// Organisers see the schedule (they answer attendees' questions about it); the owner sets the periods.
export default async function RetentionPage({ params }: Props) {
  const { locale, organisation: slug } = (await params) as { locale: Locale; organisation: string };
  setRequestLocale(locale);
  const access = await requireOrganisationPage(locale, slug, ORGANISE, `/beheer/${slug}/instellingen/bewaartermijnen`);
  const [settings, schedule, t, messages] = await Promise.all([
    getRetentionSettings(access.organisation.id),
    getRetentionSchedule(access.organisation.id),
    getTranslations("retention"),
    getMessages(),
  ]);
  const owner = hasRole(access.role, MANAGE_MEMBERS);
  return (
    <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <PageHeading back={{ href: `/beheer/${slug}/instellingen`, label: t("back") }} title={t("title")} intro={t("intro")} />
      <section aria-labelledby="retention-periods" className="mt-6 max-w-2xl rounded-lg border border-line bg-white p-5">
        <h2 id="retention-periods" className="text-xl font-semibold text-petrol-800">{t("form.title")}</h2>
        {owner ? (
          <div className="mt-3">
            {/* The form's words and the editor's (save, errors), and no more. */}
            <NextIntlClientProvider messages={{ editor: messages.editor, retention: { form: messages.retention.form } }}>
              <RetentionSettingsForm
                locale={locale}
                organisationId={access.organisation.id}
                values={{ retentionMonths: String(settings.retentionMonths), needsRetentionDays: String(settings.needsRetentionDays) }}
              />
            </NextIntlClientProvider>
          </div>
        ) : (
          <>
            <p className="mt-3">{t("form.current", { months: settings.retentionMonths, days: settings.needsRetentionDays })}</p>
            <p className="mt-2 text-sm text-muted">{t("form.ownerOnly")}</p>
          </>
        )}
      </section>
      <section aria-labelledby="retention-schedule" className="mt-8">
        <h2 id="retention-schedule" className="text-xl font-semibold text-petrol-800">{t("schedule.title")}</h2>
        <p className="mt-2 max-w-prose text-muted">{t("schedule.intro")}</p>
        <RetentionSchedule rows={schedule} locale={locale} now={new Date()} />
      </section>
    </main>
  );
}
