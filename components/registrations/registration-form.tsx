"use client";

import { startTransition, useActionState, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { useTranslations } from "next-intl";
import { registerAction, type RegistrationFormState } from "@/lib/registrations/actions";
import type { RegistrationInput } from "@/lib/registrations/schema";
import { answersFromFormData, visibleQuestionIds, type Question } from "@/lib/questions/question";
import { Field, describedBy, inputClass } from "@/components/ui/field";
import { contentLang } from "@/lib/site/content-lang";
import { ErrorSummary, type SummaryItem } from "./error-summary";
import { QuestionFields } from "./question-fields";
import { RankingField } from "./ranking-field";
import { RegistrationOutcome } from "./registration-outcome";
import { WorkshopOption } from "./workshop-option";
import { RegistryFields } from "@/components/certificates/registry-fields";
import { REGISTERS, REGISTER_NAMES, registryField } from "@/lib/certificates/registers";

export type FormSession = {
  id: string;
  title: string;
  timeRange: string;
  room: string | null;
  /** Places left and the workshop's capacity; null when it has no limit. */
  placesLeft: number | null;
  capacity: number | null;
};

export type FormRound = {
  id: string;
  title: string;
  /** choice: first come, first served; ranking: ranked choice, open; pending: ranked, closed, not yet allocated. */
  mode: "choice" | "ranking" | "pending";
  /** When the rankings close (formatted), for a ranked round. */
  rankingClosesAt?: string;
  sessions: FormSession[];
};

type Props = {
  conferenceSlug: string;
  locale: "nl" | "en";
  rounds: FormRound[];
  waitlist: boolean;
  privacyHref: string;
  calendarHref: string;
  idempotencyKey: string;
  /** The conference's own questions, in form order. */
  questions: Question[];
  /** The conference gives certificates: ask for registry numbers (lib/certificates). */
  registryNumbers?: boolean;
};

// zod and the schemas come in their own chunk (./registration-resolver.ts), asked for when the attendee first
// focuses or touches the form; a check that comes before it has arrived waits for it.
type Checks = typeof import("./registration-resolver");
let checksChunk: Promise<Checks> | undefined;
function loadChecks(): Promise<Checks> {
  checksChunk ??= import("./registration-resolver");
  // A failed load (offline for a moment) is tried again next time; the server checks the submit meanwhile.
  checksChunk.catch(() => (checksChunk = undefined));
  return checksChunk;
}
const registrationResolver: Resolver<RegistrationInput> = async (values, context, options) => {
  const checks = await loadChecks().catch(() => null);
  // Without the chunk the form is sent as it is: the server's answer lands on the fields, as without JavaScript.
  return checks ? (checks.registrationResolver as Resolver<RegistrationInput>)(values, context, options) : { values, errors: {} };
};

type TextField = "name" | "email" | "organisation" | "jobRole" | "dietaryNeeds" | "accessibilityNeeds";

// The fields in the order they appear, for the error summary's list.
const SUMMARY_ORDER = ["name", "email", "organisation", "jobRole", "registry", "workshops", "rankings", "answers", "dietaryNeeds", "accessibilityNeeds", "privacyConsent"] as const;

const noSubscription = () => () => undefined;

export function RegistrationForm({ conferenceSlug, locale, rounds, waitlist, privacyHref, calendarHref, idempotencyKey, questions, registryNumbers }: Props) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState<RegistrationFormState, FormData>(registerAction, { status: "idle" });
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  // Counts submits the browser refused (zod on the client): each one shows the summary and focuses it again.
  const [refusedByBrowser, setRefusedByBrowser] = useState(0);
  // Once the browser has checked the answers, its verdict replaces the server's earlier one, until the next.
  const [checkedAfter, setCheckedAfter] = useState<RegistrationFormState | null>(null);
  const answersChecked = checkedAfter === state;
  const previous = state.status === "error" ? state.values : undefined;
  // The answers as they are in the form now (for the conditions), and the browser's verdict on them: the schema
  // the server runs too (lib/questions/schema.ts). Null before the script runs: then every question shows.
  const scripted = useSyncExternalStore(noSubscription, () => true, () => false);
  const [changed, setChanged] = useState<{ after: RegistrationFormState; answers: Record<string, unknown> } | null>(null);
  const [answerErrors, setAnswerErrors] = useState<Record<string, string>>({});
  const previousAnswers = (previous?.answers as Record<string, unknown> | undefined) ?? {};
  // What was typed since the server's last answer; else what that answer sent back.
  const answersNow = !scripted ? null : changed?.after === state ? changed.answers : previousAnswers;
  const checkAnswers = async (): Promise<boolean> => {
    if (!formRef.current || questions.length === 0) return true;
    const answers = answersFromFormData(new FormData(formRef.current));
    const checks = await loadChecks().catch(() => null);
    if (!checks) return true;
    const found = checks.answerIssues(questions, locale, answers);
    setAnswerErrors(found);
    return Object.keys(found).length === 0;
  };
  const onAnswerChange = (event: React.FormEvent<HTMLFormElement>) => {
    const target = event.target as HTMLInputElement;
    if (!target.name?.startsWith("answers.") || !formRef.current) return;
    setChanged({ after: state, answers: answersFromFormData(new FormData(formRef.current)) });
    if (Object.keys(answerErrors).length > 0) void checkAnswers();
  };

  const defaults = {
    name: (previous?.name as string) ?? "",
    email: (previous?.email as string) ?? "",
    organisation: (previous?.organisation as string) ?? "",
    jobRole: (previous?.jobRole as string) ?? "",
    dietaryNeeds: (previous?.dietaryNeeds as string) ?? "",
    accessibilityNeeds: (previous?.accessibilityNeeds as string) ?? "",
    workshops: (previous?.workshops as Record<string, string>) ?? {},
    privacyConsent: (previous?.privacyConsent as true | undefined) ?? undefined,
    photoConsent: Boolean(previous?.photoConsent),
    newsletterOptIn: Boolean(previous?.newsletterOptIn),
    locale,
  };
  // The focus goes to the error summary (GOV.UK's pattern), not to the first field: react-hook-form's own focus
  // would pull it away from the summary the moment it got it.
  const form = useForm<RegistrationInput>({
    resolver: registrationResolver,
    mode: "onTouched",
    defaultValues: defaults,
    shouldFocusError: false,
  });
  const { errors } = form.formState;

  // Errors found by the server (also when the browser ran no JavaScript) land on the same fields.
  useEffect(() => {
    if (state.status !== "error") return;
    for (const [field, key] of Object.entries(state.fieldErrors)) {
      form.setError(field as keyof RegistrationInput, { message: key.replace(/^validation\./, "") });
    }
  }, [state, form]);

  // The server's verdict moves the focus: to the summary of what to fix, or to what was decided.
  useEffect(() => {
    if (state.status === "error") summaryRef.current?.focus();
    if (state.status === "received") outcomeRef.current?.focus();
  }, [state]);
  useEffect(() => {
    if (refusedByBrowser > 0) summaryRef.current?.focus();
  }, [refusedByBrowser]);

  if (state.status === "received") {
    return <RegistrationOutcome ref={outcomeRef} email={state.email} decision={state.decision} rounds={rounds} locale={locale} calendarHref={calendarHref} />;
  }

  const fieldError = (name: string): string | undefined => {
    const message = (errors as Record<string, { message?: string } | undefined>)[name]?.message;
    if (message) return t(`validation.${message}` as "validation.invalid");
    const server = state.status === "error" ? state.fieldErrors[name] : undefined;
    return server ? t(server as "validation.invalid") : undefined;
  };
  const answerError = (questionId: string): string | undefined => {
    const browser = answerErrors[questionId];
    if (browser) return t(`validation.${browser}` as "validation.invalid");
    if (Object.keys(answerErrors).length > 0 || answersChecked) return undefined;
    return fieldError(`answers.${questionId}`);
  };
  const visible = answersNow ? visibleQuestionIds(questions, answersNow as never) : null;
  // A zod issue inside the rankings sits one level down (rankings.<round>); the summary and the rounds want it too.
  const rankingError = (): string | undefined => {
    const nested = errors.rankings as unknown as Record<string, { message?: string }> | undefined;
    const message = nested && Object.values(nested).find((issue) => issue?.message)?.message;
    return message ? t(`validation.${message}` as "validation.invalid") : fieldError("rankings");
  };

  // The workshops a refusal is about, by round, with their titles where the form still knows them.
  const refusedSessions = state.status === "error" ? (state.sessionIds ?? []) : [];
  const roundOf = (sessionId: string) => rounds.find((round) => round.sessions.some((s) => s.id === sessionId));
  const refusedRounds = new Set(refusedSessions.map((id) => roundOf(id)?.id).filter(Boolean));
  const workshopRefusal = (sessionId: string): SummaryItem => {
    const round = roundOf(sessionId);
    const session = round?.sessions.find((s) => s.id === sessionId);
    if (!round || !session) return { text: t("registration.errors.invalidWorkshop") };
    return {
      text: t("registration.errors.workshopGone", { workshop: session.title, round: round.title }),
      href: round.mode === "choice" ? `#workshop-${session.id}` : `#round-${round.id}`,
    };
  };

  const summaryItems = (): SummaryItem[] => {
    const items: SummaryItem[] = [];
    for (const field of SUMMARY_ORDER) {
      if (field === "workshops") {
        items.push(...refusedSessions.map(workshopRefusal));
        continue;
      }
      if (field === "registry") {
        for (const register of REGISTERS) {
          const message = fieldError(registryField(register));
          if (message) items.push({ text: `${REGISTER_NAMES[register]}: ${message}`, href: `#registration-registry-${register}` });
        }
        continue;
      }
      if (field === "answers") {
        for (const question of questions) {
          if (visible && !visible.has(question.id)) continue;
          const message = answerError(question.id);
          if (message) items.push({ text: `${question.label[locale]}: ${message}`, href: `#question-${question.id}` });
        }
        continue;
      }
      const message = field === "rankings" ? rankingError() : fieldError(field);
      if (!message) continue;
      const firstRanked = rounds.find((round) => round.mode === "ranking");
      const href = field === "rankings" ? (firstRanked ? `#round-${firstRanked.id}` : undefined) : `#registration-${field}`;
      items.push({ text: message, href });
    }
    return items;
  };
  const items = summaryItems();
  const serverRefusal = state.status === "error" && state.formError !== "registration.errors.fix";
  const showSummary = items.length > 0 && (state.status === "error" || refusedByBrowser > 0) ? true : serverRefusal;
  const summaryIntro = serverRefusal
    ? refusedSessions.length > 0
      ? t("registration.summary.intro")
      : t(state.formError as "registration.errors.fix", state.formErrorValues ?? {})
    : t("registration.summary.intro");

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const answersValid = checkAnswers();
    setCheckedAfter(state);
    void form.handleSubmit(
      async () => {
        if (!formRef.current || pending) return;
        if (!(await answersValid)) return setRefusedByBrowser((n) => n + 1);
        const data = new FormData(formRef.current);
        startTransition(() => formAction(data));
      },
      () => setRefusedByBrowser((n) => n + 1),
    )(event);
  };

  const textField = (name: TextField, opts: { type?: string; autoComplete?: string; optional?: boolean; hint?: string; multiline?: boolean }) => {
    const id = `registration-${name}`;
    const error = fieldError(name);
    const common = {
      id,
      "aria-invalid": error ? true : undefined,
      "aria-describedby": describedBy(id, opts.hint, error),
      className: inputClass,
      // Also in the HTML itself, so that a form re-rendered by the server (no JavaScript) keeps what was typed.
      defaultValue: defaults[name] ?? "",
      ...form.register(name),
    };
    return (
      <Field id={id} label={t(`registration.${name}`)} hint={opts.hint} error={error} optionalLabel={opts.optional ? t("registration.optional") : undefined}>
        {opts.multiline ? (
          <textarea rows={2} {...common} />
        ) : (
          <input type={opts.type ?? "text"} autoComplete={opts.autoComplete} required={!opts.optional} {...common} />
        )}
      </Field>
    );
  };

  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      onChange={onAnswerChange}
      onFocusCapture={() => void loadChecks().catch(() => undefined)}
      onPointerDownCapture={() => void loadChecks().catch(() => undefined)}
      noValidate
      className="space-y-6"
    >
      <input type="hidden" name="conferenceSlug" value={conferenceSlug} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <input type="hidden" name="locale" value={locale} />
      {showSummary && <ErrorSummary ref={summaryRef} title={t("registration.summary.title")} intro={summaryIntro} items={items} />}
      {textField("name", { autoComplete: "name" })}
      {textField("email", { type: "email", autoComplete: "email", hint: t("registration.emailHint") })}
      {textField("organisation", { autoComplete: "organization", optional: true })}
      {textField("jobRole", { autoComplete: "organization-title", optional: true })}
      {registryNumbers && (
        <RegistryFields
          values={(previous?.registry as Record<string, string> | undefined) ?? {}}
          errors={Object.fromEntries(REGISTERS.map((register) => [registryField(register), fieldError(registryField(register))]))}
        />
      )}

      {rounds.length > 0 && (
        <fieldset className="space-y-5">
          <legend className="text-xl font-semibold text-petrol-800">{t("registration.workshopsLegend")}</legend>
          {rounds.some((round) => round.mode === "choice") && <p className="text-muted">{t("registration.workshopsHint")}</p>}
          {rounds.map((round) => {
            const roundRefusal = refusedRounds.has(round.id)
              ? refusedSessions.filter((id) => roundOf(id)?.id === round.id).map((id) => workshopRefusal(id).text).join(" ")
              : undefined;
            const errorId = `round-${round.id}-error`;
            return (
              <fieldset
                key={round.id}
                id={`round-${round.id}`}
                tabIndex={-1}
                aria-describedby={roundRefusal ? errorId : undefined}
                className="rounded-lg border border-line bg-white p-4 focus:outline-none focus-visible:ring-4 focus-visible:ring-accent-600"
              >
                <legend className="px-1 font-semibold" lang={contentLang(locale)}>
                  {round.title}
                </legend>
                {roundRefusal && (
                  <p id={errorId} className="mt-1 text-sm font-semibold text-bad-700">
                    <span aria-hidden>⚠ </span>
                    {roundRefusal}
                  </p>
                )}
                {round.mode === "pending" && <p className="mt-2">{t("registration.ranking.pending")}</p>}
                {round.mode === "ranking" && (
                  <>
                    <p id={`ranking-${round.id}-hint`} className="mt-1 text-muted">
                      {t("registration.ranking.hint", { date: round.rankingClosesAt ?? "" })}
                    </p>
                    {rankingError() && (
                      <p id={`ranking-${round.id}-error`} className="mt-1 text-sm font-semibold text-bad-700">
                        <span aria-hidden>⚠ </span>
                        {rankingError()}
                      </p>
                    )}
                    <RankingField
                      roundId={round.id}
                      sessions={round.sessions}
                      initial={((previous?.rankings as Record<string, string[]> | undefined) ?? {})[round.id] ?? []}
                      locale={locale}
                      describedBy={rankingError() ? `ranking-${round.id}-hint ranking-${round.id}-error` : `ranking-${round.id}-hint`}
                      invalid={Boolean(rankingError())}
                    />
                  </>
                )}
                {round.mode === "choice" && (
                  <div className="mt-2 space-y-2">
                    {round.sessions.map((session) => (
                      <WorkshopOption
                        key={session.id}
                        session={session}
                        locale={locale}
                        refused={refusedSessions.includes(session.id)}
                        input={{ defaultChecked: defaults.workshops[round.id] === session.id, ...form.register(`workshops.${round.id}`) }}
                      />
                    ))}
                    <label className="flex min-h-12 cursor-pointer items-center gap-3 rounded-md p-2 hover:bg-petrol-50">
                      <input type="radio" value="" className="h-5 w-5 accent-petrol-700" {...form.register(`workshops.${round.id}`)} />
                      <span>{t("registration.noWorkshop")}</span>
                    </label>
                  </div>
                )}
              </fieldset>
            );
          })}
        </fieldset>
      )}

      {questions.length > 0 && (
        <QuestionFields
          questions={questions}
          locale={locale}
          values={previousAnswers}
          errors={Object.fromEntries(questions.map((q) => [q.id, answerError(q.id)]))}
          visible={visible}
          words={{
            optional: t("registration.optional"),
            yes: t("registration.questions.yes"),
            no: t("registration.questions.no"),
            onlyWhen: (question, answer) => t("registration.questions.onlyWhen", { question, answer }),
          }}
        />
      )}

      {textField("dietaryNeeds", { optional: true, multiline: true })}
      {textField("accessibilityNeeds", { optional: true, multiline: true, hint: t("registration.accessibilityHint") })}

      <div className="space-y-3">
        <div>
          <label className="flex items-start gap-3">
            <input
              id="registration-privacyConsent"
              type="checkbox"
              required
              defaultChecked={defaults.privacyConsent === true}
              aria-invalid={fieldError("privacyConsent") ? true : undefined}
              aria-describedby={fieldError("privacyConsent") ? "registration-privacyConsent-error" : undefined}
              className="mt-1 h-5 w-5 shrink-0 accent-petrol-700"
              {...form.register("privacyConsent")}
            />
            <span>
              {t.rich("registration.privacyConsent", {
                link: (chunks) => (
                  <a href={privacyHref} className="text-petrol-700 underline" target="_blank" rel="noopener noreferrer">
                    {chunks}
                  </a>
                ),
              })}
            </span>
          </label>
          {fieldError("privacyConsent") && (
            <p id="registration-privacyConsent-error" className="mt-1 text-sm font-semibold text-bad-700">
              <span aria-hidden>⚠ </span>
              {fieldError("privacyConsent")}
            </p>
          )}
        </div>
        <label className="flex items-start gap-3">
          <input type="checkbox" defaultChecked={defaults.photoConsent} className="mt-1 h-5 w-5 shrink-0 accent-petrol-700" {...form.register("photoConsent")} />
          <span>{t("registration.photoConsent")}</span>
        </label>
        <label className="flex items-start gap-3">
          <input type="checkbox" defaultChecked={defaults.newsletterOptIn} className="mt-1 h-5 w-5 shrink-0 accent-petrol-700" {...form.register("newsletterOptIn")} />
          <span>{t("registration.newsletterOptIn")}</span>
        </label>
      </div>

      <button
        type="submit"
        disabled={pending}
        aria-disabled={pending}
        className="inline-flex min-h-12 w-full items-center justify-center rounded-md bg-accent-600 px-6 text-lg font-semibold text-white hover:bg-accent-700 disabled:opacity-70 sm:w-auto"
      >
        {pending ? t("registration.submitting") : waitlist ? t("registration.submitWaitlist") : t("registration.submit")}
      </button>
    </form>
  );
}
