import { getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { primaryButton } from "@/components/dashboard/styles";
import { localizedPath } from "@/lib/site/urls";

// A plain POST form to the export route handler: the browser downloads the answer, with or without
// JavaScript. The needs columns are off unless ticked (see lib/registrations/admin-export.ts).
export async function ExportForm({ action, locale }: { action: string; locale: Locale }) {
  const t = await getTranslations("registrationsAdmin.export");
  const box = "mt-1 size-5 shrink-0 accent-petrol-800";
  return (
    <form method="post" action={localizedPath(locale, action)} className="space-y-3">
      <fieldset className="space-y-2">
        <legend className="sr-only">{t("title")}</legend>
        <label className="flex min-h-12 items-start gap-3">
          <input type="checkbox" name="dietary" className={box} aria-describedby="export-needs-hint" />
          <span>{t("dietary")}</span>
        </label>
        <label className="flex min-h-12 items-start gap-3">
          <input type="checkbox" name="accessibility" className={box} aria-describedby="export-needs-hint" />
          <span>{t("accessibility")}</span>
        </label>
        <p id="export-needs-hint" className="text-sm text-muted">
          {t("needsHint")}
        </p>
        <label className="flex min-h-12 items-start gap-3">
          <input type="checkbox" name="cancelled" className={box} />
          <span>{t("cancelled")}</span>
        </label>
      </fieldset>
      <button type="submit" className={primaryButton}>
        {t("submit")}
      </button>
      <p className="text-sm text-muted">{t("audited")}</p>
    </form>
  );
}
