import "./badges.css";
import { getTranslations } from "next-intl/server";
import { Photo } from "@/components/photo";
import { formatDate, formatTime } from "@/lib/format";
import type { Badge, BadgeBranding } from "@/lib/registrations/admin-queries";

const PER_SHEET = 8;

function sheets(badges: Badge[]): Badge[][] {
  const result: Badge[][] = [];
  for (let i = 0; i < badges.length; i += PER_SHEET) result.push(badges.slice(i, i + PER_SHEET));
  return result;
}

/**
 * Name badges on A4 sheets of eight (the layout is in ./badges.css), for the organiser's badge page and for a
 * single reprint at the door. Each carries the conference, the organisation's logo, the person, their workshops
 * and the ticket's QR code, which the door scans like the ticket itself.
 */
export async function BadgeSheets({ badges, branding, locale }: { badges: Badge[]; branding: BadgeBranding; locale: "nl" | "en" }) {
  const t = await getTranslations("registrationsAdmin.badges");
  return (
    <>
      {sheets(badges).map((sheet, index) => (
        <section key={sheet[0]?.id ?? index} className="badge-sheet" aria-label={t("sheet", { number: index + 1 })}>
          {sheet.map((badge) => (
            <article key={badge.id} className="badge" aria-label={t("badgeOf", { name: badge.name })}>
              <div className="flex items-start justify-between gap-[3mm]">
                <p className="text-[9pt] font-semibold uppercase leading-tight tracking-wide text-petrol-700">{branding.title}</p>
                {branding.logo && <Photo photo={branding.logo} sizes="160px" className="badge-logo" />}
              </div>
              <p className="mt-[3mm] text-[20pt] font-bold leading-tight text-ink">{badge.name}</p>
              {badge.organisation && <p className="mt-[1mm] text-[12pt] leading-snug text-ink">{badge.organisation}</p>}
              <div className="mt-auto flex items-end justify-between gap-[3mm] border-t border-petrol-200 pt-[2mm]">
                {badge.workshops.length > 0 ? (
                  <ul className="space-y-[0.5mm] text-[8.5pt] leading-snug text-ink">
                    {badge.workshops.map((workshop) => (
                      <li key={workshop.title}>
                        <span className="font-semibold tabular-nums">{formatTime(workshop.startsAt, locale)}</span> {workshop.title}
                        {workshop.room && <span className="text-muted"> · {workshop.room.name}</span>}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="text-[8.5pt] text-muted">{formatDate(branding.startsAt, locale)}</p>
                )}
                {/* The ticket itself: the door scans the badge as it scans the ticket. */}
                <div role="img" aria-label={t("qrAlt", { name: badge.name })} className="badge-qr" dangerouslySetInnerHTML={{ __html: badge.qrSvg }} />
              </div>
            </article>
          ))}
        </section>
      ))}
    </>
  );
}
