import { useTranslations } from "next-intl";
import type { RatingSummary } from "@/lib/feedback/queries";

// The ratings of one part: the average and the distribution as a bar chart in HTML, with every number also as
// text (a screen reader reads the list; the bars are decoration).
export function RatingSummaryView({ rating, locale }: { rating: RatingSummary; locale: "nl" | "en" }) {
  const t = useTranslations("feedback.admin");
  if (rating.count === 0) return <p className="text-muted">{t("noRatings")}</p>;
  const average = new Intl.NumberFormat(locale === "en" ? "en-GB" : "nl-NL", { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(rating.average ?? 0);
  const most = Math.max(...rating.distribution);
  return (
    <div>
      <p className="font-semibold">{t("ratingSummary", { average, count: rating.count })}</p>
      <ul aria-label={t("distribution")} className="mt-2 space-y-1">
        {[5, 4, 3, 2, 1].map((value) => {
          const count = rating.distribution[value - 1] ?? 0;
          const percent = Math.round((count / rating.count) * 100);
          return (
            <li key={value} className="grid grid-cols-[6rem_minmax(0,1fr)_6rem] items-center gap-2 text-sm">
              <span>{t("distributionRow", { value })}</span>
              <span aria-hidden className="h-4 rounded-sm bg-petrol-50">
                <span className="block h-4 rounded-sm bg-petrol-700" style={{ width: `${most ? (count / most) * 100 : 0}%` }} />
              </span>
              <span className="tabular-nums">{t("distributionCount", { count, percent })}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
