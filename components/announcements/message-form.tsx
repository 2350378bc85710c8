"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/dashboard/form-message";
import { primaryButton, secondaryButton } from "@/components/dashboard/styles";
import { Field, describedBy, inputClass } from "@/components/ui/field";
import { messageAction } from "@/lib/announcements/actions";

type Option = { value: string; label: string };

// A message to a segment: first the count (and a test to oneself), then the send, which asks once more. Plain
// fields and buttons that each send their intent, so it works without JavaScript; the server's schema decides.
export function MessageForm({ conferenceId, segments, locale, email }: { conferenceId: string; segments: Option[]; locale: "nl" | "en"; email: string }) {
  const t = useTranslations("conferenceEditor.messages");
  const tEditor = useTranslations("editor");
  const [outcome, action, pending] = useActionState(messageAction, null);
  const values = outcome && !outcome.ok ? outcome.values : outcome?.ok && outcome.data.intent !== "send" ? outcome.data.values : undefined;
  const errors = outcome && !outcome.ok && "fieldErrors" in outcome ? outcome.fieldErrors : {};
  const error = (name: string) => (errors[name] ? tEditor(`validation.${errors[name]}` as "validation.invalid") : undefined);
  const refusal = outcome && !outcome.ok ? (outcome.reason === "invalid" ? tEditor("errors.invalid") : tEditor(`errors.${outcome.reason}` as "errors.unexpected", { minutes: 1 })) : null;
  const done = outcome?.ok ? t(`done.${outcome.data.intent}`, { count: outcome.data.count, email }) : null;
  // After a preview or a test the form keeps what was written; after the send it starts empty.
  const kept = (name: string, fallback = "") => values?.[name] ?? fallback;
  // A fresh form after every answer, with what it holds as its defaults: React resets a form after its action,
  // and a select goes back to the option it was first rendered with, which would send to another group than the
  // one just counted.
  const key = outcome ? JSON.stringify(outcome.ok ? outcome.data : outcome.values) : "new";
  return (
    <form key={key} action={action} noValidate className="space-y-4">
      <input type="hidden" name="conferenceId" value={conferenceId} />
      <input type="hidden" name="locale" value={locale} />
      {refusal && <FormMessage kind="error">{refusal}</FormMessage>}
      {done && <FormMessage kind="ok">{done}</FormMessage>}
      <Field id="message-segment" label={t("segment")} error={error("segment")}>
        <select id="message-segment" name="segment" defaultValue={kept("segment", "confirmed")} className={`${inputClass} pr-8`} aria-describedby={describedBy("message-segment", undefined, error("segment"))}>
          {segments.map((segment) => (
            <option key={segment.value} value={segment.value}>
              {segment.label}
            </option>
          ))}
        </select>
      </Field>
      <Field id="message-subject" label={t("subject")} error={error("subject")}>
        <input id="message-subject" name="subject" defaultValue={kept("subject")} className={inputClass} aria-invalid={error("subject") ? true : undefined} aria-describedby={describedBy("message-subject", undefined, error("subject"))} />
      </Field>
      <Field id="message-body" label={t("body")} hint={t("bodyHint")} error={error("body")}>
        <textarea id="message-body" name="body" rows={8} defaultValue={kept("body")} className={inputClass} aria-invalid={error("body") ? true : undefined} aria-describedby={describedBy("message-body", t("bodyHint"), error("body"))} />
      </Field>
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="intent" value="preview" disabled={pending} className={secondaryButton}>
          {t("preview")}
        </button>
        <button type="submit" name="intent" value="test" disabled={pending} className={secondaryButton}>
          {t("test")}
        </button>
      </div>
      <details className="rounded-md border border-line p-3">
        <summary className="inline-flex min-h-10 cursor-pointer items-center font-semibold text-petrol-700 underline">{t("sendOpen")}</summary>
        <p className="mt-2 text-sm">{t("sendText")}</p>
        <button type="submit" name="intent" value="send" disabled={pending} className={`${primaryButton} mt-2`}>
          {pending ? tEditor("pending") : t("send")}
        </button>
      </details>
    </form>
  );
}
