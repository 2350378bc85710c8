"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import type { Role } from "@/lib/generated/prisma/enums";
import { ROLES } from "@/lib/auth/roles";
import { changeRoleAction, removeMemberAction } from "@/lib/organisations/actions";
import { FormMessage } from "./form-message";
import { useRefusalText } from "./outcome-text";
import { dangerButton, secondaryButton, selectClass } from "./styles";

type Props = {
  membershipId: string;
  role: Role;
  name: string;
  organisationName: string;
  self: boolean;
  locale: "nl" | "en";
  /** Who the member is; shown beside the controls, with any message underneath both. */
  children: React.ReactNode;
};

/**
 * Change a member's role, or remove them. Removing asks first, in a <details> element so the confirmation
 * works without JavaScript too. The last owner cannot be demoted or removed; the server says so.
 */
export function MemberActions({ membershipId, role, name, organisationName, self, locale, children }: Props) {
  const t = useTranslations("dashboard.members");
  const tRoles = useTranslations("auth.roles");
  const refusal = useRefusalText();
  const [roleOutcome, roleAction, rolePending] = useActionState(changeRoleAction, null);
  const [removeOutcome, removeAction, removePending] = useActionState(removeMemberAction, null);
  const error = refusal(roleOutcome) ?? refusal(removeOutcome);
  const confirmation = useRef<HTMLDetailsElement>(null);

  // A refused removal is explained under the row; the open confirmation would cover that message.
  useEffect(() => {
    if (removeOutcome && confirmation.current) confirmation.current.open = false;
  }, [removeOutcome]);
  const selectId = `role-${membershipId}`;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">{children}</div>
        <div className="flex flex-wrap items-start gap-2">
          {/* Keyed by the role: React resets a form after its action, and a remount makes the saved role the
              select's new default instead of the one the page first rendered with. */}
          <form key={role} action={roleAction} className="flex flex-wrap items-start gap-2">
            <input type="hidden" name="membershipId" value={membershipId} />
            <input type="hidden" name="locale" value={locale} />
            <label htmlFor={selectId} className="sr-only">
              {t("roleOf", { name })}
            </label>
            <select id={selectId} name="role" defaultValue={role} className={selectClass}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {tRoles(r)}
                </option>
              ))}
            </select>
            <button type="submit" disabled={rolePending} aria-label={t("saveRoleFor", { name })} className={secondaryButton}>
              {t("saveRole")}
            </button>
          </form>
          {/* The confirmation opens below the button, over the content: the row does not jump. */}
          <details ref={confirmation} className="relative">
            <summary aria-label={t("removeFor", { name })} className={`${dangerButton} cursor-pointer list-none [&::-webkit-details-marker]:hidden`}>
              {t("remove")}
            </summary>
            <form
              action={removeAction}
              className="absolute left-0 z-10 mt-2 w-72 sm:left-auto sm:right-0 max-w-[calc(100vw-2rem)] space-y-2 rounded-md border-2 border-bad-700 bg-bad-50 p-3 shadow-lg"
            >
              <input type="hidden" name="membershipId" value={membershipId} />
              <input type="hidden" name="locale" value={locale} />
              <p>{self ? t("removeSelfConfirm", { organisation: organisationName }) : t("removeConfirm", { name, organisation: organisationName })}</p>
              <button type="submit" disabled={removePending} className={`${dangerButton} w-full`}>
                {t("removeYes", { name })}
              </button>
            </form>
          </details>
        </div>
      </div>
      {error && <FormMessage kind="error">{error}</FormMessage>}
      {roleOutcome?.ok && <FormMessage kind="ok">{t("done.roleChanged")}</FormMessage>}
    </div>
  );
}
