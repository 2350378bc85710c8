"use client";
// Register someone at the door and check them in at once. Needs the network: places are counted on the
// server, under the registration domain's lock. One nonce per form, so a double tap registers once.
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";
import { walkInSchema, type Verdict } from "@/lib/checkin/schema";
import { postWalkIn } from "./door-api";

export function WalkInForm({
  slug,
  deviceId,
  online,
  onDone,
  onCancel,
}: {
  slug: string;
  deviceId: () => string;
  online: boolean;
  onDone: (verdict: Verdict) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("checkin.walkIn");
  const [nonce] = useState(() => crypto.randomUUID());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = walkInSchema.safeParse({
      nonce,
      deviceId: deviceId(),
      scannedAt: new Date().toISOString(),
      name: form.get("name"),
      email: form.get("email"),
      organisation: String(form.get("organisation") ?? "").trim() || undefined,
      privacyConsent: form.get("privacyConsent") === "on",
    });
    if (!parsed.success) return setError(t("invalid"));
    setBusy(true);
    const outcome = await postWalkIn(slug, parsed.data);
    setBusy(false);
    if (outcome.ok) return onDone(outcome.body.verdict);
    const known = !outcome.ok && outcome.reason === "rejected" && (outcome.error === "full" || outcome.error === "closed");
    setError(t(`errors.${known && outcome.reason === "rejected" ? (outcome.error as "full" | "closed") : outcome.reason === "server" ? "busy" : "failed"}`));
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-4 rounded-lg border border-line bg-white p-4" aria-labelledby="walk-in-title">
      <h2 id="walk-in-title" className="text-xl font-semibold">
        {t("title")}
      </h2>
      {!online && <p className="rounded-md bg-warn-50 p-3 font-semibold text-warn-800">{t("offline")}</p>}
      <Field id="walk-in-name" label={t("name")}>
        <input id="walk-in-name" name="name" required autoComplete="off" className={inputClass} />
      </Field>
      <Field id="walk-in-email" label={t("email")}>
        <input id="walk-in-email" name="email" type="email" required autoComplete="off" className={inputClass} />
      </Field>
      <Field id="walk-in-organisation" label={t("organisation")} optionalLabel={t("optional")}>
        <input id="walk-in-organisation" name="organisation" autoComplete="off" className={inputClass} />
      </Field>
      <label className="flex min-h-12 items-center gap-3">
        <input type="checkbox" name="privacyConsent" className="size-6" />
        <span>{t("consent")}</span>
      </label>
      {error && (
        <p role="alert" className="font-semibold text-bad-700">
          <span aria-hidden>⚠ </span>
          {error}
        </p>
      )}
      <div className="grid gap-2">
        <button type="submit" disabled={!online || busy} className="min-h-14 rounded-md bg-petrol-800 px-4 text-lg font-semibold text-white disabled:opacity-60">
          {t("submit")}
        </button>
        <button type="button" onClick={onCancel} className="min-h-12 rounded-md border border-petrol-800 px-4 font-semibold text-petrol-800">
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
