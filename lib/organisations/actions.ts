"use server";

import { refresh } from "next/cache";
import { redirect } from "@/i18n/navigation";
import { authorizedAction, submittedValues } from "@/lib/auth/authorized-action";
import type { ActionOutcome } from "@/lib/auth/outcome";
import { currentUser } from "@/lib/auth/session";
import { withEffects } from "@/lib/editor/action-effects";
import { revalidateConferenceContent } from "@/lib/site/revalidate";
import { changeRole, invite, remove, revoke, updateSettings } from "./definitions";
import { acceptInvitation } from "./mutations";
import { acceptInvitationSchema } from "./schema";

// The dashboard pages are rendered per request (they read the session), so after a change the browser only
// needs to fetch the page again: refresh(), no cache tags to invalidate.
function refreshing<Input, Outcome extends { ok: boolean }>(action: (previous: Outcome | null, input: Input) => Promise<Outcome>) {
  return async (previous: Outcome | null, input: Input): Promise<Outcome> => {
    const outcome = await action(previous, input);
    if (outcome.ok) refresh();
    return outcome;
  };
}

/** Someone who just removed or demoted themselves may no longer see this page: back to their overview. */
function leavingSelf<Input, Outcome extends { ok: boolean; data?: unknown }>(
  action: (previous: Outcome | null, input: Input) => Promise<Outcome>,
) {
  return async (previous: Outcome | null, input: Input): Promise<Outcome> => {
    const outcome = await action(previous, input);
    const data = outcome.ok ? (outcome.data as { self?: boolean }) : undefined;
    if (data?.self) {
      const locale = input instanceof FormData && input.get("locale") === "en" ? "en" : "nl";
      redirect({ href: "/beheer", locale });
    }
    return outcome;
  };
}

export const inviteMemberAction = refreshing(authorizedAction(invite));
export const changeRoleAction = leavingSelf(refreshing(authorizedAction(changeRole)));
export const removeMemberAction = leavingSelf(refreshing(authorizedAction(remove)));
export const revokeInvitationAction = refreshing(authorizedAction(revoke));

/** Not by role (they are no member yet): by the invitation being addressed to the signed-in email. */
export async function acceptInvitationAction(
  _previous: ActionOutcome<{ organisationSlug: string }, "notFound" | "expired"> | null,
  form: FormData,
): Promise<ActionOutcome<{ organisationSlug: string }, "notFound" | "expired">> {
  const values = submittedValues(form);
  const user = await currentUser();
  if (!user) return { ok: false, reason: "unauthenticated", values };
  const parsed = acceptInvitationSchema.safeParse(values);
  if (!parsed.success) return { ok: false, reason: "notFound", values };
  let organisationSlug: string;
  try {
    const result = await acceptInvitation(user, parsed.data.invitationId);
    if (!result.ok) return { ...result, values };
    organisationSlug = result.data.organisationSlug;
  } catch (error) {
    console.error(`[action members.accept] unexpected ${error instanceof Error ? error.name : typeof error}`);
    return { ok: false, reason: "unexpected", values };
  }
  // Straight into the organisation, with or without JavaScript.
  return redirect({ href: `/beheer/${organisationSlug}`, locale: values.locale === "en" ? "en" : "nl" });
}

// Every public page of the organisation's conferences names it and its contact address.
export const updateOrganisationSettingsAction = withEffects(authorizedAction(updateSettings), (data) => {
  for (const slug of data.conferenceSlugs) revalidateConferenceContent(slug);
});
