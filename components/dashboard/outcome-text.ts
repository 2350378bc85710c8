"use client";

import { useTranslations } from "next-intl";
import type { ActionOutcome } from "@/lib/auth/outcome";

type Reason = "alreadyMember" | "lastOwner" | "notFound" | "expired";

/** The sentence for a refused action, in the dashboard's words; null when there is nothing to say. */
export function useRefusalText() {
  const t = useTranslations("dashboard.errors");
  return (outcome: ActionOutcome<unknown, Reason> | null): string | null => {
    if (!outcome || outcome.ok) return null;
    const minutes = Math.ceil(("retryAfterSeconds" in outcome ? (outcome.retryAfterSeconds ?? 60) : 60) / 60);
    return t(outcome.reason, { minutes });
  };
}
