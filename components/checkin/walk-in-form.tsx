"use client";
// Register someone at the door and check them in at once (issue 14, item 14). A name is enough; the address is
// asked for the ticket by email. Workshops can be given where a place is left: the list comes from the server
// when the form opens, and the server decides again when it is sent (places_register), so a workshop that filled
// up meanwhile is refused on its own field. The privacy question is asked in one tap: the host reads it out, and
// the button that registers records the visitor's yes. Needs the network: places are counted on the server. One
// nonce per form, so a double tap registers once.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Field, describedBy, inputClass } from "@/components/ui/field";
import { walkInSchema, type Verdict, type WalkInRound } from "@/lib/checkin/schema";
import { getWalkInRounds, postWalkIn } from "./door-api";

type FieldName = "name" | "email" | "organisation";
type Errors = Partial<Record<FieldName, string>>;

const FIELD_MESSAGES = new Set(["nameRequired", "emailInvalid", "tooLong", "invalidCharacter", "lineBreak"]);

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
  const tv = useTranslations("validation");
  const [nonce] = useState(() => crypto.randomUUID());
  const [rounds, setRounds] = useState<WalkInRound[] | "loading" | "failed">("loading");
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [fullNow, setFullNow] = useState<Set<string>>(new Set());
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  // When the form opens, and again after a refusal: the places left as they are now.
  const [roundsAsked, setRoundsAsked] = useState(0);
  const loadRounds = () => setRoundsAsked((n) => n + 1);

  useEffect(() => {
    let current = true;
    void getWalkInRounds(slug).then((outcome) => {
      if (current) setRounds(outcome.ok ? outcome.body.rounds : "failed");
    });
    return () => {
      current = false;
    };
  }, [slug, roundsAsked]);

  useEffect(() => document.getElementById("walk-in-name")?.focus(), []);

  const focusFirstError = (fields: Errors) => {
    const first = (["name", "email", "organisation"] as const).find((name) => fields[name]);
    if (first) document.getElementById(`walk-in-${first}`)?.focus();
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const form = new FormData(event.currentTarget);
    const workshops = Object.fromEntries(Object.entries(chosen).filter(([, sessionId]) => sessionId));
    const parsed = walkInSchema.safeParse({
      nonce,
      deviceId: deviceId(),
      scannedAt: new Date().toISOString(),
      name: form.get("name"),
      email: form.get("email"),
      organisation: String(form.get("organisation") ?? "").trim() || undefined,
      workshops,
      privacyConsent: true,
    });
    if (!parsed.success) {
      const fields: Errors = {};
      for (const issue of parsed.error.issues) {
        const name = issue.path[0];
        if (name === "name" || name === "email" || name === "organisation") {
          fields[name] ??= tv(FIELD_MESSAGES.has(issue.message) ? (issue.message as "nameRequired") : "invalid");
        }
      }
      setErrors(fields);
      setError(t("invalid"));
      focusFirstError(fields);
      return;
    }
    setErrors({});
    setError(null);
    setBusy(true);
    const outcome = await postWalkIn(slug, parsed.data);
    setBusy(false);
    if (outcome.ok) return onDone(outcome.body.verdict);
    if (outcome.reason === "rejected" && outcome.error === "workshopFull") {
      // Filled up since the form opened: say which, and show the places as they are now.
      const full = new Set(outcome.sessionIds ?? []);
      setFullNow(full);
      setChosen((current) => Object.fromEntries(Object.entries(current).map(([roundId, sessionId]) => [roundId, full.has(sessionId) ? "" : sessionId])));
      setError(t("errors.workshopFull"));
      loadRounds();
      return;
    }
    if (outcome.reason === "rejected" && outcome.status === 422) return setError(t("invalid"));
    const known = outcome.reason === "rejected" && ["full", "closed", "invalidWorkshop"].includes(outcome.error ?? "");
    setError(t(`errors.${known && outcome.reason === "rejected" ? (outcome.error as "full" | "closed" | "invalidWorkshop") : outcome.reason === "server" ? "busy" : "failed"}`));
  };

  const clearError = (name: FieldName) => {
    const rest = { ...errors };
    delete rest[name];
    setErrors(rest);
    if (Object.keys(rest).length === 0) setError(null);
  };

  const text = (name: FieldName, label: string, options: { type?: string; hint?: string; optional?: boolean; autoComplete?: string } = {}) => {
    const id = `walk-in-${name}`;
    const fieldError = errors[name];
    return (
      <Field id={id} label={label} hint={options.hint} error={fieldError} optionalLabel={options.optional ? t("optional") : undefined}>
        <input
          id={id}
          name={name}
          type={options.type ?? "text"}
          required={!options.optional}
          autoComplete={options.autoComplete ?? "off"}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={describedBy(id, options.hint, fieldError)}
          // A message about what was typed goes once it is being corrected; sending checks it again.
          onInput={fieldError ? () => clearError(name) : undefined}
          className={inputClass}
        />
      </Field>
    );
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-4 rounded-lg border border-line bg-white p-4" aria-labelledby="walk-in-title">
      <h2 id="walk-in-title" className="text-xl font-semibold">
        {t("title")}
      </h2>
      {!online && <p className="rounded-md bg-warn-50 p-3 font-semibold text-warn-800">{t("offline")}</p>}
      {text("name", t("name"))}
      {text("email", t("email"), { type: "email", hint: t("emailHint"), optional: true })}
      {text("organisation", t("organisation"), { optional: true })}

      {rounds === "loading" && <p className="text-muted">{t("workshopsLoading")}</p>}
      {rounds === "failed" && <p className="text-muted">{t("workshopsFailed")}</p>}
      {Array.isArray(rounds) &&
        rounds.map((round) => {
          const fullHere = round.sessions.some((session) => fullNow.has(session.id));
          return (
            <fieldset key={round.id} className="space-y-1" aria-describedby={fullHere ? `walk-in-round-${round.id}-error` : undefined}>
              <legend className="font-semibold">{round.title}</legend>
              {fullHere && (
                <p id={`walk-in-round-${round.id}-error`} className="flex items-start gap-1 text-sm font-semibold text-bad-700">
                  <span aria-hidden>⚠</span> {t("workshopFullHere")}
                </p>
              )}
              {[{ id: "", title: t("noWorkshop"), room: null, left: null }, ...round.sessions].map((session) => {
                const full = session.id !== "" && session.left === 0;
                const detail = [
                  session.room,
                  session.id === "" || session.left === null ? null : full ? t("full") : t("placesLeft", { count: session.left }),
                ]
                  .filter(Boolean)
                  .join(" · ");
                return (
                  <label key={session.id || "none"} className={`flex min-h-12 items-center gap-3 ${full ? "text-muted" : ""}`}>
                    <input
                      type="radio"
                      name={`workshop-${round.id}`}
                      value={session.id}
                      checked={(chosen[round.id] ?? "") === session.id}
                      disabled={full}
                      onChange={() => setChosen((current) => ({ ...current, [round.id]: session.id }))}
                      className="size-6 shrink-0 accent-petrol-800"
                    />
                    <span>
                      <span className="font-semibold">{session.title}</span>
                      {detail && <span className="block text-sm">{detail}</span>}
                    </span>
                  </label>
                );
              })}
            </fieldset>
          );
        })}

      <div className="rounded-md border-2 border-petrol-200 bg-petrol-50 p-3">
        <p className="font-semibold">{t("consentAsk")}</p>
        <p className="mt-1">{t("consentQuestion")}</p>
      </div>
      {error && (
        <p role="alert" className="font-semibold text-bad-700">
          <span aria-hidden>⚠ </span>
          {error}
        </p>
      )}
      <div className="grid gap-2">
        <button type="submit" disabled={!online || busy} className="min-h-14 rounded-md bg-petrol-800 px-4 text-lg font-semibold text-white disabled:opacity-60">
          {busy ? t("pending") : t("submit")}
        </button>
        <button type="button" onClick={onCancel} className="min-h-12 rounded-md border border-petrol-800 px-4 font-semibold text-petrol-800">
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
