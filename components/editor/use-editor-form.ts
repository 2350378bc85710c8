"use client";

import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import type { ActionOutcome } from "@/lib/auth/outcome";
import { stagePhotos } from "./stage-photos";

type Action<Data, Reason extends string> = (
  previous: ActionOutcome<Data, Reason> | null,
  input: FormData,
) => Promise<ActionOutcome<Data, Reason>>;

/**
 * One editor form: react-hook-form with the zod schema the server uses, posting through useActionState to an
 * unbound server action, so it also works with JavaScript off (the page then renders again with the outcome,
 * and what was typed comes back through `valueOf`). With JavaScript the schema runs first, picked photos are
 * sent ahead (./stage-photos.ts), and a pending form cannot be sent twice.
 */
// The fields of an editor form are strings in the browser (the schema turns them into dates and numbers).
type Values = Record<string, string>;

export function useEditorForm<Data, Reason extends string>({
  schema,
  action,
  defaults,
  keep,
}: {
  schema: z.ZodType;
  action: Action<Data, Reason>;
  defaults: Values;
  /**
   * After a success, the values the form shows next (a create form that keeps some choices for the next record):
   * without JavaScript the page comes back with the outcome, and the HTML carries them from the start.
   */
  keep?: (data: Data) => Values | undefined;
}) {
  const t = useTranslations("editor");
  const [outcome, formAction, acting] = useActionState(action, null);
  const [uploading, setUploading] = useState(false);
  const pending = acting || uploading;
  const previous = outcome && !outcome.ok ? outcome.values : undefined;
  const form = useForm<Values>({
    // The schema's output (dates, numbers) is for the server; the client only needs its verdict.
    resolver: zodResolver(schema as never) as unknown as Resolver<Values>,
    mode: "onTouched",
    defaultValues: { ...defaults, ...previous },
  });
  const sent = useRef<HTMLFormElement | null>(null);

  // A saved form forgets its picked files: sending it again must not upload the same photo twice.
  useEffect(() => {
    if (!outcome?.ok || !sent.current) return;
    for (const input of sent.current.querySelectorAll<HTMLInputElement>('input[type="file"]')) {
      input.value = "";
      form.resetField(input.name);
    }
  }, [outcome, form]);

  const serverErrors = outcome && !outcome.ok && "fieldErrors" in outcome ? outcome.fieldErrors : {};

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    sent.current = element;
    void form.handleSubmit(async () => {
      if (pending) return;
      const data = new FormData(element);
      setUploading(true);
      const staged = await stagePhotos(element, data).finally(() => setUploading(false));
      if (!staged.ok) return form.setError(staged.field, { message: staged.reason });
      startTransition(() => formAction(data));
    })(event);
  };

  /** The message for a field, from the client's check or else from the server's. */
  const errorOf = (name: string): string | undefined => {
    const errors = form.formState.errors as Record<string, { message?: string } | undefined>;
    const key = errors[name]?.message ?? serverErrors[name];
    return key ? t(`validation.${key}` as "validation.invalid") : undefined;
  };

  const kept = outcome?.ok && keep ? keep(outcome.data) : undefined;

  /**
   * What the field showed when the form was sent (refused), what the form keeps after a success, else its saved
   * value: for the HTML, without JavaScript.
   */
  const valueOf = (name: string): string => previous?.[name] ?? kept?.[name] ?? defaults[name] ?? "";

  const refusal =
    outcome && !outcome.ok
      ? outcome.reason === "invalid"
        ? t("errors.invalid")
        : t(`errors.${outcome.reason}` as "errors.unexpected", {
            minutes: Math.ceil(("retryAfterSeconds" in outcome ? (outcome.retryAfterSeconds ?? 60) : 60) / 60),
          })
      : null;

  return { form, outcome, pending, formAction, onSubmit, errorOf, valueOf, refusal, kept };
}

export type EditorForm = ReturnType<typeof useEditorForm>;
