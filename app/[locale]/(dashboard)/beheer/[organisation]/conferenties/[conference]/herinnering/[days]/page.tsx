import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { PageHeading } from "@/components/editor/page-heading";
import { requireOrganisationPage } from "@/lib/auth/page-access";
import { ORGANISE } from "@/lib/auth/roles";
import { reminderPreview } from "@/lib/registrations/reminder-preview";
import { dashboardMetadata } from "../../../../../../dashboard-metadata";

type Props = PageProps<"/[locale]/beheer/[organisation]/conferenties/[conference]/herinnering/[days]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "conferenceEditor.reminders" });
  return dashboardMetadata(locale, t("previewTitle"));
}

// What a reminder says, in both languages, for a made-up attendee: the organiser reads it before it goes.
export default async function ReminderPreviewPage({ params }: Props) {
  const { locale, organisation: slug, conference: conferenceId, days } = (await params) as { locale: Locale; organisation: string; conference: string; days: string };
  setRequestLocale(locale);
  if (days !== "7" && days !== "1") notFound();
  const base = `/beheer/${slug}/conferenties/${conferenceId}`;
  const access = await requireOrganisationPage(locale, slug, ORGANISE, `${base}/herinnering/${days}`);
  const daysBefore = days === "7" ? 7 : 1;
  const [nl, en, t] = await Promise.all([
    reminderPreview(access.organisation.id, conferenceId, daysBefore, "nl"),
    reminderPreview(access.organisation.id, conferenceId, daysBefore, "en"),
    getTranslations("conferenceEditor.reminders"),
  ]);
  if (!nl || !en) notFound();
  return (
    <main className="mx-auto max-w-4xl px-4 py-8 sm:px-6">
      <PageHeading back={{ href: base, label: t("back") }} title={`${t("previewTitle")}: ${nl.title}`} intro={t(daysBefore === 7 ? "week" : "day")} />
      <div className="mt-6 space-y-6">
        {[
          { lang: "nl", email: nl, label: t("inDutch") },
          { lang: "en", email: en, label: t("inEnglish") },
        ].map(({ lang, email, label }) => (
          <section key={lang} aria-labelledby={`voorbeeld-${lang}`} className="rounded-lg border border-line bg-white p-5">
            <h2 id={`voorbeeld-${lang}`} className="text-xl font-semibold text-petrol-800">
              {label}
            </h2>
            <div lang={lang}>
              <p className="mt-3">
                <span className="font-semibold">{t("subject")}:</span> {email.subject}
              </p>
              <p className="mt-3 whitespace-pre-line break-words">{email.text}</p>
              <p className="mt-3 text-sm text-muted">
                {t("attachments")}: {email.attachments.join(", ")}
              </p>
            </div>
          </section>
        ))}
      </div>
    </main>
  );
}
