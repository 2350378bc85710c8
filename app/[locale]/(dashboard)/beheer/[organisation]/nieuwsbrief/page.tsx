import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { primaryButton, secondaryButton, selectClass } from "@/components/dashboard/styles";
import { PageLinks, withQuery } from "@/components/registrations-admin/page-links";
import { localizedPath } from "@/lib/site/urls";
import { requireOrganisationPage } from "@/lib/auth/page-access";
import { ORGANISE } from "@/lib/auth/roles";
import { formatShortDate } from "@/lib/format";
import { listSubscribers, SUBSCRIBER_STATUSES, subscriberCounts, type SubscriberStatus } from "@/lib/newsletter/admin-queries";
import { dashboardMetadata } from "../../../dashboard-metadata";

type Props = PageProps<"/[locale]/beheer/[organisation]/nieuwsbrief">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "newsletterAdmin" });
  return dashboardMetadata(locale, t("title"));
}

function isStatus(value: unknown): value is SubscriberStatus {
  return typeof value === "string" && (SUBSCRIBER_STATUSES as readonly string[]).includes(value);
}

export default async function NewsletterPage({ params, searchParams }: Props) {
  const { locale, organisation: slug } = (await params) as { locale: Locale; organisation: string };
  setRequestLocale(locale);
  const path = `/beheer/${slug}/nieuwsbrief`;
  const access = await requireOrganisationPage(locale, slug, ORGANISE, path);
  const query = await searchParams;
  const status = isStatus(query.status) ? query.status : "";
  const requestedPage = Number.parseInt(typeof query.pagina === "string" ? query.pagina : "1", 10) || 1;
  const [list, counts, t] = await Promise.all([
    listSubscribers(access.organisation.id, status, requestedPage),
    subscriberCounts(access.organisation.id),
    getTranslations("newsletterAdmin"),
  ]);

  return (
    <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <h1 className="text-2xl font-semibold text-petrol-800 sm:text-3xl">{t("title")}</h1>
      <p className="mt-2 max-w-prose text-muted">{t("intro", { organisation: access.organisation.name })}</p>
      <p className="mt-3 font-semibold tabular-nums">{t("summary", counts)}</p>

      <div className="mt-6 grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <section aria-labelledby="abonnees" className="min-w-0">
          <h2 id="abonnees" className="sr-only">
            {t("caption")}
          </h2>
          <form key={status} method="get" action={localizedPath(locale, path)} className="flex flex-wrap items-end gap-3">
            <div className="space-y-1">
              <label htmlFor="status" className="block font-semibold">
                {t("filter")}
              </label>
              <select id="status" name="status" defaultValue={status} className={selectClass}>
                <option value="">{t("statuses.all")}</option>
                {SUBSCRIBER_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`statuses.${s}`)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className={secondaryButton}>
              {t("apply")}
            </button>
          </form>
          <p role="status" className="mt-4 font-semibold">
            {list.total === 0 ? t("empty") : t("count", { total: list.total })}
          </p>
          {list.rows.length > 0 && (
            <div role="region" aria-label={t("caption")} tabIndex={0} className="mt-2 overflow-x-auto rounded-lg border border-line bg-white">
              <table className="w-full min-w-[36rem] border-collapse text-left">
                <caption className="sr-only">{t("caption")}</caption>
                <thead>
                  <tr className="border-b-2 border-petrol-200 text-sm text-muted">
                    <th scope="col" className="px-3 py-2 font-semibold">{t("columns.email")}</th>
                    <th scope="col" className="px-3 py-2 font-semibold">{t("columns.status")}</th>
                    <th scope="col" className="px-3 py-2 font-semibold">{t("columns.language")}</th>
                    <th scope="col" className="px-3 py-2 font-semibold">{t("columns.since")}</th>
                    <th scope="col" className="px-3 py-2 font-semibold">{t("columns.confirmedAt")}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.rows.map((row) => (
                    <tr key={row.id} className="border-b border-line last:border-b-0">
                      <th scope="row" className="break-all px-3 py-2 font-normal">{row.email}</th>
                      <td className="px-3 py-2">{t(`statuses.${row.status}`)}</td>
                      <td className="px-3 py-2 uppercase">{row.locale}</td>
                      <td className="px-3 py-2">{formatShortDate(row.createdAt, locale)}</td>
                      <td className="px-3 py-2">{row.confirmedAt ? formatShortDate(row.confirmedAt, locale) : "–"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <PageLinks
            page={list.page}
            pageCount={list.pageCount}
            hrefOf={(page) => withQuery(path, { status, pagina: page > 1 ? page : undefined })}
            labels={{
              nav: t("pagination.nav"),
              previous: t("pagination.previous"),
              next: t("pagination.next"),
              status: t("pagination.status", { page: list.page, pageCount: list.pageCount }),
            }}
          />
        </section>

        <section aria-labelledby="exporteren" className="self-start rounded-lg border border-line bg-white p-5">
          <h2 id="exporteren" className="text-xl font-semibold text-petrol-800">
            {t("export.title")}
          </h2>
          <p className="mb-4 mt-1 text-sm text-muted">{t("export.intro")}</p>
          <form method="post" action={localizedPath(locale, `${path}/export`)}>
            <button type="submit" className={primaryButton}>
              {t("export.submit")}
            </button>
          </form>
          <p className="mt-3 text-sm text-muted">{t("export.audited")}</p>
        </section>
      </div>
    </main>
  );
}
