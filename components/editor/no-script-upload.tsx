"use client";
// Without JavaScript a form with a photo field cannot send the photo on its own first (./stage-photos.ts), and
// its server action takes no large body: its submit buttons post it to /api/uploads/form instead, which stages
// the photo and sends the form on to this page (app/api/uploads/form/route.ts). With JavaScript the form's
// onSubmit handles the submit, and the buttons' formAction is never used.
import { usePathname } from "@/i18n/navigation";
import { localizedPath } from "@/lib/site/paths";
import { FORM_UPLOAD_PATH, FORM_UPLOAD_RETURN_FIELD } from "@/lib/request-guards";

/** formAction for the form's submit buttons, and the hidden field that tells where the form came from. */
export function useNoScriptUpload(locale: "nl" | "en") {
  const pathname = usePathname();
  const page = localizedPath(locale, pathname);
  return {
    formAction: `${FORM_UPLOAD_PATH}?taal=${locale}`,
    returnField: <input type="hidden" name={FORM_UPLOAD_RETURN_FIELD} value={page} />,
  };
}
