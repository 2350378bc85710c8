import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { PublishChecklist } from "@/lib/conferences/publish-checklist";

// Beside the publish button of a draft: what the public page will have, what it will miss, and a way to see it.
export async function PublishChecklistPanel({
  checklist,
  previewHref,
  settingsHref,
}: {
  checklist: PublishChecklist;
  previewHref: string;
  settingsHref: string;
}) {
  const t = await getTranslations("dashboard.checklist");
  const contactMissing = checklist.some((entry) => entry.item === "contact" && !entry.done);
  return (
    <section aria-labelledby="checklist" className="mb-6 rounded-lg border border-line bg-white p-5">
      <h3 id="checklist" className="text-lg font-semibold text-petrol-800">
        {t("title")}
      </h3>
      <p className="mt-1 text-sm text-muted">{t("intro")}</p>
      <ul className="mt-3 space-y-2">
        {checklist.map((entry) => (
          <li key={entry.item} className="flex items-start gap-2">
            <span aria-hidden className={`mt-0.5 font-bold ${entry.done ? "text-ok-700" : "text-warn-800"}`}>
              {entry.done ? "✓" : "✗"}
            </span>
            <span>
              {t(`items.${entry.item}`)}:{" "}
              <strong className={entry.done ? "text-ok-700" : "text-warn-800"}>{entry.done ? t("done") : t("missing")}</strong>
              {entry.required && !entry.done && <> ({t("required")})</>}
            </span>
          </li>
        ))}
      </ul>
      {contactMissing && (
        <p className="mt-3">
          <Link href={settingsHref} className="inline-flex min-h-11 items-center font-semibold text-petrol-700 underline">
            {t("fixContact")}
          </Link>
        </p>
      )}
      <p className="mt-2">
        <Link href={previewHref} className="inline-flex min-h-11 items-center font-semibold text-petrol-700 underline">
          {t("preview")}
        </Link>
      </p>
    </section>
  );
}
