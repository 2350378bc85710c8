"use client";
// Every scan and undo the server refused, until the host deals with each: retried (sent again, with whatever
// else waits) or dismissed (not to be recorded). They count in the "waiting to be sent" figure too.
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { formatTime } from "@/lib/format";
import { nonceOf, type QueueItem } from "./door-storage";
import { refusalText } from "./refusal-text";

export function RefusedList({
  items,
  nameOf,
  onRetry,
  onDismiss,
}: {
  items: QueueItem[];
  nameOf: (item: QueueItem) => string | null;
  onRetry: (nonce: string) => Promise<void>;
  onDismiss: (nonce: string) => void;
}) {
  const t = useTranslations("checkin.refused");
  const locale = useLocale() === "en" ? "en" : "nl";
  const [busy, setBusy] = useState<string | null>(null);
  if (items.length === 0) return null;

  const describe = (item: QueueItem) => {
    const time = formatTime(new Date(item.kind === "scan" ? item.scan.scannedAt : item.undo.undoneAt), locale);
    if (item.kind === "undo") return t("undoAt", { time });
    const name = nameOf(item);
    return name ? t("scanOf", { name, time }) : t("scanAt", { time });
  };

  return (
    <section aria-labelledby="refused-title" className="space-y-3 rounded-lg border-2 border-bad-700 bg-bad-50 p-4 text-bad-700">
      <h2 id="refused-title" className="text-lg font-semibold">
        <span aria-hidden>✕ </span>
        {t("listTitle", { count: items.length })}
      </h2>
      <p className="text-ink">{t("listHint")}</p>
      <ul className="space-y-3">
        {items.map((item) => {
          const nonce = nonceOf(item);
          return (
            <li key={nonce} className="rounded-md bg-white p-3 text-ink" data-testid="refused-item">
              <p className="font-semibold">{describe(item)}</p>
              {item.refused && <p>{refusalText(item.refused, locale, (status) => t("noReason", { status }))}</p>}
              <div className="mt-2 flex flex-wrap gap-2">
                <button
                  type="button"
                  disabled={busy !== null}
                  aria-busy={busy === nonce}
                  onClick={async () => {
                    setBusy(nonce);
                    try {
                      await onRetry(nonce);
                    } finally {
                      setBusy(null);
                    }
                  }}
                  className="min-h-12 rounded-md bg-petrol-800 px-4 font-semibold text-white disabled:opacity-70"
                >
                  {busy === nonce ? t("retrying") : t("retry")}
                </button>
                <button type="button" disabled={busy !== null} onClick={() => onDismiss(nonce)} className="min-h-12 rounded-md border-2 border-bad-700 px-4 font-semibold text-bad-700 disabled:opacity-70">
                  {t("dismiss")}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
