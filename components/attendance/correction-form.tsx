"use client";
// Marks one person present or absent at one session, with an optional reason (issue 15, item 2). One button for
// each, so a click says which; works without JavaScript. Green only when the server said it was recorded.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/dashboard/form-message";
import { inputClass } from "@/components/ui/field";
import { correctAttendanceAction } from "@/lib/attendance/actions";
import { REASON_MAX } from "@/lib/attendance/schema";

type Props = { conferenceId: string; sessionId: string; registrationId: string; name: string };

export function CorrectionForm({ conferenceId, sessionId, registrationId, name }: Props) {
  const t = useTranslations("attendance.page");
  const [outcome, formAction, pending] = useActionState(correctAttendanceAction, null);
  const reasonId = `reden-${registrationId}`;
  const refused = outcome && !outcome.ok ? outcome.reason : null;
  const minutes = outcome && !outcome.ok && "retryAfterSeconds" in outcome ? Math.ceil((outcome.retryAfterSeconds ?? 60) / 60) : 1;
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="conferenceId" value={conferenceId} />
      <input type="hidden" name="sessionId" value={sessionId} />
      <input type="hidden" name="registrationId" value={registrationId} />
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-40 flex-1">
          <label htmlFor={reasonId} className="block text-sm font-semibold">
            {t("reasonLabel")}
            <span className="sr-only"> ({name})</span>
          </label>
          <input id={reasonId} name="reason" maxLength={REASON_MAX} autoComplete="off" defaultValue={outcome && !outcome.ok ? outcome.values.reason : ""} className={inputClass} />
        </div>
        <button type="submit" name="present" value="present" disabled={pending} className="min-h-12 rounded-md border-2 border-ok-700 px-3 font-semibold text-ok-700 disabled:opacity-70">
          <span aria-hidden>✓ </span>
          <span className="sr-only">{name}: </span>
          {t("markPresent")}
        </button>
        <button type="submit" name="present" value="absent" disabled={pending} className="min-h-12 rounded-md border-2 border-bad-700 px-3 font-semibold text-bad-700 disabled:opacity-70">
          <span aria-hidden>✕ </span>
          <span className="sr-only">{name}: </span>
          {t("markAbsent")}
        </button>
      </div>
      {outcome?.ok && <FormMessage kind="ok">{t("saved", { name: outcome.data.name, state: t(outcome.data.present ? "present" : "absent").toLowerCase() })}</FormMessage>}
      {refused && <FormMessage kind="error">{t.has(`errors.${refused}`) ? t(`errors.${refused}` as "errors.unexpected", { minutes }) : t("errors.unexpected")}</FormMessage>}
    </form>
  );
}
