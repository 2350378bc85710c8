"use client";

import { useTranslations } from "next-intl";
import type { ActionOutcome } from "@/lib/auth/outcome";

/** The sentence for a refused organiser action on registrations; null when there is nothing to say. */
export function useRegistrationRefusal() {
  const t = useTranslations("registrationsAdmin.errors");
  return (outcome: ActionOutcome<unknown, string> | null): string | null => {
    if (!outcome || outcome.ok) return null;
    const minutes = Math.ceil(("retryAfterSeconds" in outcome ? (outcome.retryAfterSeconds ?? 60) : 60) / 60);
    return t.has(outcome.reason) ? t(outcome.reason as "unexpected", { minutes }) : t("unexpected");
  };
}
