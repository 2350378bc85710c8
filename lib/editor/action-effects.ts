import "server-only";
import { refresh } from "next/cache";
import { redirect } from "@/i18n/navigation";
import type { ActionOutcome } from "@/lib/auth/outcome";

type Action<Data, Reason extends string> = (
  previous: ActionOutcome<Data, Reason> | null,
  input: FormData | Record<string, unknown>,
) => Promise<ActionOutcome<Data, Reason>>;

/** The language the form was shown in (a hidden "locale" field), for redirects. */
export function formLocale(input: FormData | Record<string, unknown>): "nl" | "en" {
  const value = input instanceof FormData ? input.get("locale") : input.locale;
  return value === "en" ? "en" : "nl";
}

/**
 * Runs `effect` after a successful action (revalidating public pages that show what changed), then
 * refreshes the dashboard page, which is rendered per request and so only needs fetching again. With
 * `to`, goes to that dashboard page instead (after creating something), with or without JavaScript.
 */
export function withEffects<Data, Reason extends string>(
  action: Action<Data, Reason>,
  effect: (data: Data) => void,
  to?: (data: Data) => string,
): Action<Data, Reason> {
  return async (previous, input) => {
    const outcome = await action(previous, input);
    if (!outcome.ok) return outcome;
    effect(outcome.data);
    if (to) redirect({ href: to(outcome.data), locale: formLocale(input) });
    refresh();
    return outcome;
  };
}
