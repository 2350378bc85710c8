import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { PageLinks, withQuery } from "@/components/registrations-admin/page-links";
import { requireOrganisationPage } from "@/lib/auth/page-access";
import { isRole, ORGANISE } from "@/lib/auth/roles";
import { listAuditEntries, type AuditEntryRow } from "@/lib/audit/queries";
import { formatShortDate, formatTime } from "@/lib/format";
import { dashboardMetadata } from "../../../dashboard-metadata";

type Props = PageProps<"/[locale]/beheer/[organisation]/logboek">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "auditLog" });
  return dashboardMetadata(locale, t("title"));
}

export default async function AuditLogPage({ params, searchParams }: Props) {
  const { locale, organisation: slug } = (await params) as { locale: Locale; organisation: string };
  setRequestLocale(locale);
  const path = `/beheer/${slug}/logboek`;
  const access = await requireOrganisationPage(locale, slug, ORGANISE, path);
  const query = await searchParams;
  const requestedPage = Number.parseInt(typeof query.pagina === "string" ? query.pagina : "1", 10) || 1;
  const [list, t, tRoles] = await Promise.all([
    listAuditEntries(access.organisation.id, requestedPage),
    getTranslations("auditLog"),
    getTranslations("auth.roles"),
  ]);

  // The sentence for an entry, from what its details hold; kinds this page does not know yet (added by
  // another part of the app) still show, by their code.
  const describe = (entry: AuditEntryRow): string => {
    const details = (entry.details ?? {}) as Record<string, unknown>;
    const text = (key: string) => {
      const raw = details[key];
      // A change is recorded as { from, to }: the entry names what it became.
      const value = raw && typeof raw === "object" && "to" in raw ? (raw as { to: unknown }).to : raw;
      if (isRole(value)) return tRoles(value);
      return typeof value === "string" || typeof value === "number" ? String(value) : "";
    };
    const values = Object.fromEntries(["email", "role", "member", "from", "to", "name", "rows", "title", "placed", "waiting", "method", "route", "status", "label", "answers", "subject", "months", "days"].map((key) => [key, text(key)]));
    // Kinds are "area.event"; the messages nest them the same way ("actions" → area → event).
    const key = `actions.${entry.action}`;
    if (!t.has(key as "actions.member.invited")) return t("unknownAction", { action: entry.action });
    const sentence = t(key as "actions.member.invited", values);
    const needs = (["dietary", "accessibility"] as const).filter((need) => details[need] === true).map((need) => t(`needs.${need}`));
    return needs.length > 0 ? `${sentence} ${t("withNeeds", { needs: needs.join(" + ") })}` : sentence;
  };
  const actor = (entry: AuditEntryRow) => entry.actor?.name ?? entry.actor?.email ?? (entry.actorUserId ? t("removedUser") : t("system"));

  return (
    <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <h1 className="text-2xl font-semibold text-petrol-800 sm:text-3xl">{t("title")}</h1>
      <p className="mt-2 max-w-prose text-muted">{t("intro")}</p>
      {list.entries.length === 0 ? (
        <p className="mt-6 rounded-lg border border-line bg-white p-5">{t("empty")}</p>
      ) : (
        <div role="region" aria-label={t("caption")} tabIndex={0} className="mt-6 overflow-x-auto rounded-lg border border-line bg-white">
          <table className="w-full min-w-[40rem] border-collapse text-left">
            <caption className="sr-only">{t("caption")}</caption>
            <thead>
              <tr className="border-b-2 border-petrol-200 text-sm text-muted">
                <th scope="col" className="w-44 px-3 py-2 font-semibold">{t("columns.when")}</th>
                <th scope="col" className="w-56 px-3 py-2 font-semibold">{t("columns.who")}</th>
                <th scope="col" className="px-3 py-2 font-semibold">{t("columns.what")}</th>
              </tr>
            </thead>
            <tbody>
              {list.entries.map((entry) => (
                <tr key={entry.id} className="border-b border-line align-top last:border-b-0">
                  <td className="px-3 py-2 tabular-nums">
                    <time dateTime={entry.createdAt.toISOString()}>
                      {formatShortDate(entry.createdAt, locale)} {formatTime(entry.createdAt, locale)}
                    </time>
                  </td>
                  <td className="break-words px-3 py-2">{actor(entry)}</td>
                  <td className="break-words px-3 py-2">{describe(entry)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PageLinks
        page={list.page}
        pageCount={list.pageCount}
        hrefOf={(page) => withQuery(path, { pagina: page > 1 ? page : undefined })}
        labels={{
          nav: t("pagination.nav"),
          previous: t("pagination.previous"),
          next: t("pagination.next"),
          status: t("pagination.status", { page: list.page, pageCount: list.pageCount }),
        }}
      />
    </main>
  );
}
