"use server";

import { withEffects } from "@/lib/editor/action-effects";
import { uploadingAction } from "@/lib/editor/upload-action";
import { setOrganisationLogoDefinition } from "./logo-definitions";

// The logo is shown on the dashboard's badge pages only, which are rendered per request: nothing public to refresh.
export const setOrganisationLogoAction = withEffects(uploadingAction(setOrganisationLogoDefinition, "logo"), () => {});
