import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { AddRegistrationForm } from "@/components/registrations-admin/add-registration-form";
import { ConferenceOffers } from "@/components/offers/conference-offers";
import { ExportForm } from "@/components/registrations-admin/export-form";
import { PageLinks, withQuery } from "@/components/registrations-admin/page-links";
import { RegistrationFiltersForm } from "@/components/registrations-admin/registration-filters";
import { RegistrationsTable } from "@/components/registrations-admin/registrations-table";
import { requireOrganisationPage } from "@/lib/auth/page-access";
import { ORGANISE } from "@/lib/auth/roles";
import { formatDateTimeRange } from "@/lib/format";
import { findAdminConference, listRegistrations } from "@/lib/registrations/admin-queries";
import { filtersFromSearchParams } from "@/lib/registrations/admin-schema";
import { dashboardMetadata } from "../../../../../dashboard-metadata";

type Props = PageProps<"/[locale]/beheer/[organisation]/conferenties/[conference]/aanmeldingen">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "registrationsAdmin" });
  return dashboardMetadata(locale, t("title"));
}

export default async function RegistrationsPage({ params, searchParams }: Props) {
  const { locale, organisation: slug, conference: conferenceId } = (await params) as { locale: Locale; organisation: string; conference: string };
  setRequestLocale(locale);
  const path = `/beheer/${slug}/conferenties/${conferenceId}/aanmeldingen`;
  const access = await requireOrganisationPage(locale, slug, ORGANISE, path);
  // Another organisation's conference id finds nothing here: the same 404 as an id that does not exist.
  const conference = await findAdminConference(access.organisation.id, conferenceId);
  if (!conference) notFound();
  const filters = filtersFromSearchParams(await searchParams);
  const [list, t, messages] = await Promise.all([listRegistrations(conference.id, filters), getTranslations("registrationsAdmin"), getMessages()]);
  const query = { q: filters.q, status: filters.status, workshop: filters.workshop, ingecheckt: filters.checkedIn };
  const { counts } = conference;
  const rounds = conference.rounds.map((round) => ({
    id: round.id,
    title: round.title,
    sessions: round.sessions.map((s) => ({ id: s.id, title: s.title, placesLeft: s.left })),
  }));

  return (
    <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <Link href={`/beheer/${slug}`} className="inline-flex min-h-12 items-center font-semibold text-petrol-700 underline">
        <span aria-hidden>←&nbsp;</span>
        {t("backToConferences")}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold text-petrol-800 sm:text-3xl">{t("title")}</h1>
      <p className="mt-1 text-lg font-semibold text-ink">{conference.title}</p>
      <p className="text-muted">{formatDateTimeRange(conference.startsAt, conference.endsAt, locale)}</p>
      <ul className="mt-4 flex flex-wrap gap-x-6 gap-y-1 font-semibold tabular-nums">
        <li>{t("summary.confirmed", { confirmed: counts.confirmed, capacity: conference.capacity })}</li>
        <li>{t("summary.waitlisted", { count: counts.waitlisted })}</li>
        {counts.workshopWaitlisted > 0 && <li>{t("summary.workshopWaitlisted", { count: counts.workshopWaitlisted })}</li>}
        <li>{t("summary.checkedIn", { count: counts.checkedIn })}</li>
        <li className="text-muted">{t("summary.cancelled", { count: counts.cancelled })}</li>
      </ul>
      <p className="mt-2">
        <Link href={`/beheer/${slug}/conferenties/${conference.id}/badges`} className="inline-flex min-h-12 items-center font-semibold text-petrol-700 underline">
          {t("badgesLink")}
        </Link>
      </p>

      <ConferenceOffers conferenceId={conference.id} registrationsPath={path} locale={locale} />

      {(counts.conflicts > 0 || counts.lateUploads > 0) && (
        <section aria-labelledby="signalen" className="mt-6 rounded-lg border-2 border-bad-700 bg-bad-50 p-4">
          <h2 id="signalen" className="font-semibold text-bad-700">
            <span aria-hidden>⚠ </span>
            {t("flags.title")}
          </h2>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {counts.conflicts > 0 && <li>{t("flags.conflicts", { count: counts.conflicts })}</li>}
            {counts.lateUploads > 0 && <li>{t("flags.lateUploads", { count: counts.lateUploads })}</li>}
          </ul>
          <Link href={withQuery(path, { ingecheckt: "flagged" })} className="mt-2 inline-flex min-h-12 items-center font-semibold text-petrol-800 underline">
            {t("flags.show")}
          </Link>
        </section>
      )}

      {/* The table gets the page's full width (names, organisations, workshops and check-in side by side); the
          forms to add someone and to export sit below it. */}
      <div className="mt-8 space-y-10">
        <section aria-labelledby="lijst" className="min-w-0">
          <h2 id="lijst" className="sr-only">
            {t("table.caption")}
          </h2>
          {/* Keyed by the filters: after a client-side navigation (paging, "clear") the uncontrolled fields show the
              URL's values instead of keeping what the DOM had. */}
          <RegistrationFiltersForm key={JSON.stringify(filters)} path={path} locale={locale} filters={filters} rounds={conference.rounds} />
          <p role="status" className="mt-4 font-semibold">
            {t("table.results", { total: list.total })}
          </p>
          {list.rows.length > 0 && (
            <div className="mt-2">
              <RegistrationsTable rows={list.rows} locale={locale} basePath={path} />
            </div>
          )}
          <PageLinks
            page={list.page}
            pageCount={list.pageCount}
            hrefOf={(page) => withQuery(path, { ...query, pagina: page > 1 ? page : undefined })}
            labels={{
              nav: t("pagination.nav"),
              previous: t("pagination.previous"),
              next: t("pagination.next"),
              status: t("pagination.status", { page: list.page, pageCount: list.pageCount }),
            }}
          />
        </section>

        <div className="grid items-start gap-8 lg:grid-cols-2">
          <section aria-labelledby="aanmelden" className="rounded-lg border border-line bg-white p-5">
            <h2 id="aanmelden" className="text-xl font-semibold text-petrol-800">
              {t("add.title")}
            </h2>
            <p className="mb-4 mt-1 text-sm text-muted">{t("add.intro")}</p>
            <NextIntlClientProvider messages={{ registrationsAdmin: messages.registrationsAdmin, validation: messages.validation }}>
              <AddRegistrationForm conferenceId={conference.id} idempotencyKey={randomUUID()} rounds={rounds} locale={locale} detailPath={path} />
            </NextIntlClientProvider>
          </section>
          <section aria-labelledby="exporteren" className="rounded-lg border border-line bg-white p-5">
            <h2 id="exporteren" className="text-xl font-semibold text-petrol-800">
              {t("export.title")}
            </h2>
            <p className="mb-3 mt-1 text-sm text-muted">{t("export.intro")}</p>
            <ExportForm action={`${path}/export`} locale={locale} />
          </section>
        </div>
      </div>
    </main>
  );
}
