import { getTranslations } from "next-intl/server";
import { LocalizedLink as Link } from "@/components/site/localized-link";
import { Photo, type PhotoData } from "@/components/photo";
import { contentLang } from "@/lib/site/content-lang";
import type { Locale } from "@/i18n/routing";

type Speaker = { id: string; slug: string; name: string; role: string | null; affiliation: string | null; photo: PhotoData | null };

// The people a report is about, each linked to their speaker page.
export async function ReportSpeakers({ speakers, locale }: { speakers: Speaker[]; locale: Locale }) {
  if (speakers.length === 0) return null;
  const t = await getTranslations("report");
  return (
    <section aria-labelledby="report-speakers" className="mt-12 print:break-inside-avoid">
      <h2 id="report-speakers" className="text-2xl font-semibold text-petrol-800">
        {t("speakers")}
      </h2>
      <ul className="mt-4 grid gap-4 sm:grid-cols-2">
        {speakers.map((speaker) => (
          <li key={speaker.id} className="relative flex items-center gap-4 rounded-xl border border-line bg-white p-4">
            {speaker.photo && (
              <Photo photo={speaker.photo} sizes="64px" className="h-16 w-16 shrink-0 rounded-full object-cover" />
            )}
            <div>
              <Link
                href={`/sprekers/${speaker.slug}`}
                className="font-semibold text-petrol-800 after:absolute after:inset-0 hover:underline"
              >
                {speaker.name}
              </Link>
              {(speaker.role || speaker.affiliation) && (
                <p lang={contentLang(locale)} className="text-sm text-muted">
                  {[speaker.role, speaker.affiliation].filter(Boolean).join(", ")}
                </p>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
