import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { inputClass } from "@/components/ui/field";
import { secondaryButton, selectClass } from "@/components/dashboard/styles";
import { localizedPath } from "@/lib/site/urls";
import { CHECK_IN_FILTERS, REGISTRATION_STATUSES, type RegistrationFilters } from "@/lib/registrations/admin-schema";
import type { AdminConference } from "@/lib/registrations/admin-queries";

type Props = { path: string; locale: Locale; filters: RegistrationFilters; rounds: AdminConference["rounds"] };

// A plain GET form: the search and filters live in the URL, so they work without JavaScript, survive a
// reload and can be bookmarked or shared with a colleague.
export async function RegistrationFiltersForm({ path, locale, filters, rounds }: Props) {
  const t = await getTranslations("registrationsAdmin");
  const active = Boolean(filters.q || filters.status || filters.workshop || filters.checkedIn);
  return (
    <form method="get" action={localizedPath(locale, path)} role="search" aria-label={t("filters.legend")} className="rounded-lg border border-line bg-white p-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1 sm:col-span-2">
          <label htmlFor="zoek" className="block font-semibold">
            {t("filters.search")}
          </label>
          <p id="zoek-hint" className="text-sm text-muted">
            {t("filters.searchHint")}
          </p>
          <input id="zoek" name="q" type="search" defaultValue={filters.q} aria-describedby="zoek-hint" className={inputClass} />
        </div>
        <div className="space-y-1">
          <label htmlFor="filter-status" className="block font-semibold">
            {t("filters.status")}
          </label>
          <select id="filter-status" name="status" defaultValue={filters.status} className={`${selectClass} w-full`}>
            <option value="">{t("filters.allStatuses")}</option>
            {REGISTRATION_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="filter-ingecheckt" className="block font-semibold">
            {t("filters.checkedIn")}
          </label>
          <select id="filter-ingecheckt" name="ingecheckt" defaultValue={filters.checkedIn} className={`${selectClass} w-full`}>
            <option value="">{t("filters.any")}</option>
            {CHECK_IN_FILTERS.map((option) => (
              <option key={option} value={option}>
                {t(`filters.checkedInOptions.${option}`)}
              </option>
            ))}
          </select>
        </div>
        {rounds.length > 0 && (
          <div className="space-y-1 sm:col-span-2">
            <label htmlFor="filter-workshop" className="block font-semibold">
              {t("filters.workshop")}
            </label>
            <select id="filter-workshop" name="workshop" defaultValue={filters.workshop} className={`${selectClass} w-full`}>
              <option value="">{t("filters.allWorkshops")}</option>
              {rounds.map((round) => (
                <optgroup key={round.id} label={round.title}>
                  {round.sessions.map((session) => (
                    <option key={session.id} value={session.id}>
                      {session.title}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
        )}
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <button type="submit" className={secondaryButton}>
          {t("filters.apply")}
        </button>
        {active && (
          <Link href={path} className="inline-flex min-h-12 items-center font-semibold text-petrol-700 underline">
            {t("filters.reset")}
          </Link>
        )}
      </div>
    </form>
  );
}
