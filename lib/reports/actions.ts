"use server";

import { refresh } from "next/cache";
import { redirect } from "@/i18n/navigation";
import { runAuthorized, submittedValues } from "@/lib/auth/authorized-action";
import { currentUser } from "@/lib/auth/session";
import { revalidateDossierContent, revalidateReportContent, revalidateSpeakerContent } from "@/lib/site/revalidate";
import { withStagedPhotos } from "@/lib/uploads/form";
import { save, unpublish } from "./definitions";
import type { ActionOutcome } from "@/lib/auth/outcome";
import { GALLERY_SLOTS } from "./schema";
import type { ReportRevalidation, SaveReportRefusal, SaveReportResult } from "./mutations";

// After a change the public site shows, its cached pages expire at once (lib/site/revalidate.ts); the
// dashboard page itself is rendered per request, so refresh() is enough there.
function forget(revalidate: ReportRevalidation | null): void {
  if (!revalidate) return;
  revalidate.reportSlugs.forEach(revalidateReportContent);
  revalidate.dossierSlugs.forEach(revalidateDossierContent);
  revalidate.speakerSlugs.forEach(revalidateSpeakerContent);
}

const GALLERY_FILE_FIELDS = Array.from({ length: GALLERY_SLOTS }, (_, index) => `galleryPhotos.${index}.file`);

export type SaveReportOutcome = ActionOutcome<SaveReportResult, SaveReportRefusal>;

export async function saveReportAction(_previous: SaveReportOutcome | null, form: FormData): Promise<SaveReportOutcome> {
  const user = await currentUser();
  // The photos were staged by /api/uploads; the form carries their tokens (lib/uploads/form.ts).
  const { input, discard } = await withStagedPhotos(form, user?.id ?? null, "cover", ...GALLERY_FILE_FIELDS);
  const outcome = await runAuthorized(save, user, input).finally(discard);
  if (!outcome.ok) return outcome;
  forget(outcome.data.revalidate);
  // To the report's own page (from the new-report page too), which says what happened: with or without
  // JavaScript, and the editor starts again from what is now stored (the picked files are uploaded).
  return redirect({
    href: `/beheer/${outcome.data.organisationSlug}/sfeerverslagen/${outcome.data.reportId}?opgeslagen=${outcome.data.status}`,
    locale: submittedValues(form).locale === "en" ? "en" : "nl",
  });
}

export type UnpublishReportOutcome = ActionOutcome<{ slug: string; revalidate: ReportRevalidation | null }, "notFound">;

export async function unpublishReportAction(_previous: UnpublishReportOutcome | null, form: FormData): Promise<UnpublishReportOutcome> {
  const outcome = await runAuthorized(unpublish, await currentUser(), form);
  if (!outcome.ok) return outcome;
  forget(outcome.data.revalidate);
  refresh();
  return outcome;
}
