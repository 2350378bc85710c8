"use client";
// A scan the server refused while online, full screen in red like any verdict that says "not let in": the
// phone never shows success for what the server did not record. The scan stays on the phone (in the list of
// refused scans, and in the "waiting to be sent" figure) until the host retries or dismisses it.
import { useEffect, useRef } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { Refusal } from "./door-storage";
import { refusalText } from "./refusal-text";

export function RefusedView({
  refusal,
  name,
  busy,
  onRetry,
  onDismiss,
  onNext,
}: {
  refusal: Refusal;
  name: string | null;
  busy: boolean;
  onRetry: () => void;
  onDismiss: () => void;
  onNext: () => void;
}) {
  const t = useTranslations("checkin.refused");
  const locale = useLocale() === "en" ? "en" : "nl";
  const next = useRef<HTMLButtonElement>(null);
  useEffect(() => next.current?.focus(), [refusal]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && onNext();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onNext]);

  return (
    <div role="alertdialog" aria-modal="true" aria-labelledby="refused-heading" aria-describedby="refused-reason" className="fixed inset-0 z-50 flex flex-col overflow-y-auto bg-bad-700 p-5 text-white" data-verdict="refused">
      <p className="flex items-center gap-3 text-2xl font-semibold uppercase tracking-wide">
        <span aria-hidden className="flex size-12 items-center justify-center rounded-full border-4 border-current text-3xl leading-none">
          ✕
        </span>
        {t("label")}
      </p>
      <h2 id="refused-heading" className="mt-6 text-4xl leading-tight font-semibold break-words">
        {t("heading")}
      </h2>
      {name && <p className="mt-2 text-3xl font-semibold">{name}</p>}
      <div className="mt-4 flex-1 space-y-4 text-xl">
        <p id="refused-reason" className="rounded-md bg-white p-3 text-ink">
          <span className="font-semibold">{t("reason")}</span> {refusalText(refusal, locale, (status) => t("noReason", { status }))}
        </p>
        <p>{t("advice")}</p>
      </div>
      <div className="mt-6 grid gap-3">
        <button ref={next} type="button" onClick={onNext} className="min-h-16 rounded-lg bg-white px-4 text-2xl font-semibold text-ink shadow">
          {t("keep")}
        </button>
        <button type="button" onClick={onRetry} disabled={busy} aria-busy={busy} className="min-h-14 rounded-lg border-2 border-current px-4 text-xl font-semibold disabled:opacity-70">
          {busy ? t("retrying") : t("retry")}
        </button>
        <button type="button" onClick={onDismiss} className="min-h-14 rounded-lg border-2 border-current px-4 text-xl font-semibold">
          {t("dismiss")}
        </button>
      </div>
    </div>
  );
}
