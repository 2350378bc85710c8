import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { ConferenceActions } from "@/components/conference-editor/conference-actions";
import { ConferenceForm } from "@/components/conference-editor/conference-form";
import { RemindersForm } from "@/components/conference-editor/reminders-form";
import { PublishChecklistPanel } from "@/components/dashboard/publish-checklist";
import { StatusBadge } from "@/components/dashboard/status-badge";
import { EditorMessages } from "@/components/editor/editor-messages";
import { PageHeading } from "@/components/editor/page-heading";
import { requireOrganisationPage } from "@/lib/auth/page-access";
import { ORGANISE } from "@/lib/auth/roles";
import { conferenceFormValues, getEditableConference, photoOptions, venueOptions } from "@/lib/conferences/admin-queries";
import { publishChecklist } from "@/lib/conferences/publish-checklist";
import { reminderMoments } from "@/lib/registrations/reminders";
import { formatDateTimeRange } from "@/lib/format";
import { conferencePreviewPath } from "@/lib/site/paths";
import { dashboardMetadata } from "../../../../dashboard-metadata";

type Props = PageProps<"/[locale]/beheer/[organisation]/conferenties/[conference]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "conferenceEditor" });
  return dashboardMetadata(locale, t("edit.title"));
}

const linkClass = "inline-flex min-h-12 items-center rounded-md border border-line bg-white px-4 font-semibold text-petrol-700 underline-offset-4 hover:underline";

export default async function ConferenceEditorPage({ params }: Props) {
  const { locale, organisation: slug, conference: conferenceId } = (await params) as {
    locale: Locale;
    organisation: string;
    conference: string;
  };
  setRequestLocale(locale);
  const base = `/beheer/${slug}/conferenties/${conferenceId}`;
  const access = await requireOrganisationPage(locale, slug, ORGANISE, base);
  const conference = await getEditableConference(access.organisation.id, conferenceId);
  if (!conference) notFound();
  const tCertificates = await getTranslations("certificates.admin");
  const [t, tFeedback, tStatus, tAttendance, venues, photos, checklist] = await Promise.all([
    getTranslations("conferenceEditor"),
    getTranslations("feedback.admin"),
    getTranslations("dashboard.conferences.status"),
    getTranslations("attendance.page"),
    venueOptions(access.organisation.id),
    photoOptions(access.organisation.id, conference.coverPhotoId),
    publishChecklist(access.organisation.id, conference.id),
  ]);

  return (
    <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <PageHeading
        back={{ href: `/beheer/${slug}`, label: t("backToList") }}
        title={conference.title}
        badge={<StatusBadge status={conference.status} label={tStatus(conference.status)} />}
      />
      <p className="mt-1 text-muted">
        {formatDateTimeRange(conference.startsAt, conference.endsAt, locale)}
        {conference.venue && ` · ${conference.venue.name}, ${conference.venue.city}`}
      </p>

      <nav aria-label={t("edit.sections")} className="mt-4 flex flex-wrap gap-2">
        <Link href={`${base}/programma`} className={linkClass}>
          {t("edit.programme", { count: conference.sessions })}
        </Link>
        <Link href={`${base}/vragen`} className={linkClass}>
          {t("edit.questions", { count: conference.questions })}
        </Link>
        <Link href={`${base}/berichten`} className={linkClass}>
          {t("edit.messages")}
        </Link>
        <Link href={`${base}/feedback`} className={linkClass}>
          {tFeedback("nav")}
        </Link>
        <Link href={`${base}/aanwezigheid`} className={linkClass}>
          {tAttendance("nav")}
        </Link>
        <Link href={`${base}/certificaten`} className={linkClass}>
          {tCertificates("nav")}
        </Link>
        <Link href={`${base}/aanmeldingen`} className={linkClass}>
          {t("edit.registrations", { confirmed: conference.confirmed, capacity: conference.capacity, waitlisted: conference.waitlisted })}
        </Link>
        {conference.status !== "DRAFT" ? (
          <Link href={`/conferenties/${conference.slug}`} className={linkClass}>
            {t("edit.publicPage")}
          </Link>
        ) : (
          <Link href={conferencePreviewPath(conference.slug)} className={linkClass}>
            {t("edit.preview")}
          </Link>
        )}
      </nav>

      <EditorMessages>
        <div className="mt-8 grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <section aria-labelledby="gegevens">
            <h2 id="gegevens" className="mb-3 text-xl font-semibold text-petrol-800">
              {t("edit.details")}
            </h2>
            <ConferenceForm
              mode="edit"
              locale={locale}
              conferenceId={conference.id}
              values={conferenceFormValues(conference)}
              venues={venues}
              photos={photos}
            />
          </section>
          <section aria-labelledby="status">
            <h2 id="status" className="mb-3 text-xl font-semibold text-petrol-800">
              {t("edit.statusTitle")}
            </h2>
            {conference.status === "DRAFT" && checklist && (
              <PublishChecklistPanel checklist={checklist} previewHref={conferencePreviewPath(conference.slug)} settingsHref={`/beheer/${slug}/instellingen`} />
            )}
            <ConferenceActions
              conferenceId={conference.id}
              status={conference.status}
              registrants={conference.confirmed + conference.waitlisted}
              locale={locale}
            />
            <div className="mt-4">
              <RemindersForm conferenceId={conference.id} reminders={reminderMoments(conference, locale)} stillComingDays={conference.stillComingDays} offers={{ hoursBefore: conference.offersHoursBefore, claimHours: conference.offerClaimHours }} previewBase={`${base}/herinnering`} locale={locale} />
            </div>
          </section>
        </div>
      </EditorMessages>
    </main>
  );
}
