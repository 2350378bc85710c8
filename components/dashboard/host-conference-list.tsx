import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { formatDateTimeRange } from "@/lib/format";
import type { HostConference } from "@/lib/organisations/queries";
import { primaryButton } from "./styles";

// A host's whole dashboard: where to check people in. Large targets; they may be on a phone at the door.
export async function HostConferenceList({ conferences, locale }: { conferences: HostConference[]; locale: Locale }) {
  const t = await getTranslations("dashboard");
  if (conferences.length === 0) return <p className="rounded-lg border border-line bg-white p-5">{t("host.empty")}</p>;
  return (
    <ul className="space-y-3">
      {conferences.map((c) => (
        <li key={c.id} className="flex flex-col gap-3 rounded-lg border border-line bg-white p-5 sm:flex-row sm:items-center sm:justify-between">
          <div>
            <h3 className="text-lg font-semibold leading-snug text-ink">{c.title}</h3>
            <p className="text-muted">{formatDateTimeRange(c.startsAt, c.endsAt, locale)}</p>
          </div>
          <Link href={`/checkin/${c.slug}`} className={primaryButton} aria-label={t("host.openAt", { title: c.title })}>
            {t("host.open")}
          </Link>
        </li>
      ))}
    </ul>
  );
}
