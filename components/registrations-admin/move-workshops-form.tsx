"use client";

import { startTransition, useActionState, useRef } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { FormMessage } from "@/components/dashboard/form-message";
import { primaryButton, selectClass } from "@/components/dashboard/styles";
import { Field } from "@/components/ui/field";
import { moveWorkshopsAction } from "@/lib/registrations/admin-actions";
import { moveWorkshopsSchema } from "@/lib/registrations/admin-schema";
import type { FormRound } from "./add-registration-form";
import { useRegistrationRefusal } from "./refusal-text";

type Values = { registrationId: string; workshops: Record<string, string> };

type Props = { registrationId: string; rounds: FormRound[]; current: Record<string, string> };

// Moving one person between workshops. A full workshop cannot be picked (unless the person is already in
// it); the server refuses it too, under the conference lock, in case it filled up meanwhile.
export function MoveWorkshopsForm({ registrationId, rounds, current }: Props) {
  const t = useTranslations();
  const refusal = useRegistrationRefusal();
  const [outcome, formAction, pending] = useActionState(moveWorkshopsAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  const previous = outcome && !outcome.ok ? outcome.values : undefined;
  const chosen = (roundId: string) => previous?.[`workshops.${roundId}`] ?? current[roundId] ?? "";
  const form = useForm<Values>({
    resolver: zodResolver(moveWorkshopsSchema as unknown as z.ZodType<Values, Values>) as Resolver<Values>,
    defaultValues: { registrationId, workshops: Object.fromEntries(rounds.map((round) => [round.id, chosen(round.id)])) },
  });

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.handleSubmit(() => {
      if (!formRef.current || pending) return;
      const data = new FormData(formRef.current);
      startTransition(() => formAction(data));
    })(event);
  };
  const refused = refusal(outcome);

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      {outcome?.ok && <FormMessage kind="ok">{t("registrationsAdmin.move.done")}</FormMessage>}
      {refused && <FormMessage kind="error">{refused}</FormMessage>}
      <input type="hidden" defaultValue={registrationId} {...form.register("registrationId")} />
      {rounds.map((round) => (
        <Field key={round.id} id={`move-${round.id}`} label={round.title}>
          <select id={`move-${round.id}`} defaultValue={chosen(round.id)} className={`${selectClass} w-full`} {...form.register(`workshops.${round.id}`)}>
            <option value="">{t("registrationsAdmin.add.noWorkshop")}</option>
            {round.sessions.map((session) => {
              const isCurrent = current[round.id] === session.id;
              const full = session.placesLeft !== null && session.placesLeft <= 0;
              return (
                <option key={session.id} value={session.id} disabled={full && !isCurrent}>
                  {session.title}
                  {session.placesLeft !== null && !isCurrent && ` (${t("registrationsAdmin.add.placesLeft", { count: Math.max(0, session.placesLeft) })})`}
                </option>
              );
            })}
          </select>
        </Field>
      ))}
      <button type="submit" disabled={pending} className={primaryButton}>
        {t("registrationsAdmin.move.submit")}
      </button>
    </form>
  );
}
