"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import { FormMessage } from "@/components/dashboard/form-message";
import { secondaryButton } from "@/components/dashboard/styles";
import { Field, describedBy, inputClass } from "@/components/ui/field";
import { conferenceRemindersAction } from "@/lib/conferences/actions";

type Reminder = { days: number; on: boolean; at: string };

// The reminders a week and a day before the start: each on or off, when it goes, and what it says (a preview).
// Checkboxes in a plain form with the id in a hidden field, so it works without JavaScript.
export function RemindersForm({
  conferenceId,
  reminders,
  stillComingDays,
  offers,
  previewBase,
  locale,
}: {
  conferenceId: string;
  reminders: Reminder[];
  stillComingDays: number | null;
  /** Offers with a claim window: from how many hours before the start (null: off), and how long to claim. */
  offers: { hoursBefore: number | null; claimHours: number };
  previewBase: string;
  locale: "nl" | "en";
}) {
  const t = useTranslations("conferenceEditor.reminders");
  const tEditor = useTranslations("editor");
  const [outcome, action, pending] = useActionState(conferenceRemindersAction, null);
  const refusal = outcome && !outcome.ok ? tEditor(`errors.${outcome.reason}` as "errors.unexpected", { minutes: 1 }) : null;
  const tOffers = useTranslations("offers.editor");
  const fieldError = (field: "offersHoursBefore" | "offerClaimHours") => {
    const code = outcome && !outcome.ok && "fieldErrors" in outcome ? outcome.fieldErrors[field] : undefined;
    return code ? tEditor(`validation.${code}` as "validation.invalid") : undefined;
  };
  const hoursError = fieldError("offersHoursBefore");
  const claimError = fieldError("offerClaimHours");
  const daysError = outcome && !outcome.ok && "fieldErrors" in outcome && outcome.fieldErrors.stillComingDays ? tEditor(`validation.${outcome.fieldErrors.stillComingDays}` as "validation.invalid") : undefined;
  return (
    // Remounted when the saved settings change, so React's reset after the action shows what was saved.
    <form key={`${reminders.map((r) => r.on).join()}-${stillComingDays}-${offers.hoursBefore}-${offers.claimHours}`} action={action} className="space-y-3 rounded-lg border border-line bg-white p-4">
      <input type="hidden" name="conferenceId" value={conferenceId} />
      <input type="hidden" name="locale" value={locale} />
      <h3 className="font-semibold text-petrol-800">{t("title")}</h3>
      <p className="text-sm text-muted">{t("intro")}</p>
      {refusal && <FormMessage kind="error">{refusal}</FormMessage>}
      {outcome?.ok && <FormMessage kind="ok">{t("saved")}</FormMessage>}
      {reminders.map((reminder) => (
        <div key={reminder.days}>
          <label className="flex items-start gap-3">
            <input
              type="checkbox"
              name={reminder.days === 7 ? "reminderWeekBefore" : "reminderDayBefore"}
              defaultChecked={reminder.on}
              className="mt-1 h-5 w-5 shrink-0 accent-petrol-700"
            />
            <span>
              <span className="font-semibold">{t(reminder.days === 7 ? "week" : "day")}</span>
              <span className="block text-sm text-muted">{t("goesAt", { at: reminder.at })}</span>
            </span>
          </label>
          <Link href={`${previewBase}/${reminder.days}`} className="ml-8 inline-flex min-h-10 items-center text-sm font-semibold text-petrol-700 underline">
            {t(reminder.days === 7 ? "previewWeek" : "previewDay")}
          </Link>
        </div>
      ))}
      <Field id="still-coming-days" label={`${t("stillComing")} ${t("stillComingDays")}`} hint={t("stillComingHint")} error={daysError} optionalLabel={tEditor("optional")}>
        <input
          id="still-coming-days"
          name="stillComingDays"
          inputMode="numeric"
          defaultValue={stillComingDays === null ? "" : String(stillComingDays)}
          aria-invalid={daysError ? true : undefined}
          aria-describedby={describedBy("still-coming-days", t("stillComingHint"), daysError)}
          className={`${inputClass} max-w-32`}
        />
      </Field>
      <Field id="offers-hours-before" label={tOffers("hoursBefore")} hint={tOffers("hoursBeforeHint")} error={hoursError} optionalLabel={tEditor("optional")}>
        <input
          id="offers-hours-before"
          name="offersHoursBefore"
          inputMode="numeric"
          defaultValue={offers.hoursBefore === null ? "" : String(offers.hoursBefore)}
          aria-invalid={hoursError ? true : undefined}
          aria-describedby={describedBy("offers-hours-before", tOffers("hoursBeforeHint"), hoursError)}
          className={`${inputClass} max-w-32`}
        />
      </Field>
      <Field id="offer-claim-hours" label={tOffers("claimHours")} hint={tOffers("claimHoursHint")} error={claimError}>
        <input
          id="offer-claim-hours"
          name="offerClaimHours"
          inputMode="numeric"
          required
          defaultValue={String(offers.claimHours)}
          aria-invalid={claimError ? true : undefined}
          aria-describedby={describedBy("offer-claim-hours", tOffers("claimHoursHint"), claimError)}
          className={`${inputClass} max-w-32`}
        />
      </Field>
      <button type="submit" disabled={pending} className={secondaryButton}>
        {pending ? tEditor("pending") : t("save")}
      </button>
    </form>
  );
}
