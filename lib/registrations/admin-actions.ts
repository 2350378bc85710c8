"use server";

import { refresh } from "next/cache";
import { authorizedAction } from "@/lib/auth/authorized-action";
import { revalidateConferencePlaces } from "@/lib/site/revalidate";
import { kickMailWorker } from "@/lib/mail/worker";
import { addRegistration, cancelByOrganiser, moveWorkshops } from "./admin-definitions";

// After a change the public conference page shows other places left (revalidated at once), emails wait in
// the outbox (the worker is woken), and the dashboard page the organiser is on is fetched again (refresh).
function afterChange<Input, Outcome extends { ok: boolean; data?: unknown }>(
  action: (previous: Outcome | null, input: Input) => Promise<Outcome>,
) {
  return async (previous: Outcome | null, input: Input): Promise<Outcome> => {
    const outcome = await action(previous, input);
    if (outcome.ok) {
      const { conferenceSlug } = outcome.data as { conferenceSlug: string };
      revalidateConferencePlaces(conferenceSlug);
      kickMailWorker();
      refresh();
    }
    return outcome;
  };
}

export const addRegistrationAction = afterChange(authorizedAction(addRegistration));
export const cancelRegistrationAction = afterChange(authorizedAction(cancelByOrganiser));
export const moveWorkshopsAction = afterChange(authorizedAction(moveWorkshops));
