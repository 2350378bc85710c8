import { getTranslations } from "next-intl/server";
import type { EmailStatus } from "@/lib/generated/prisma/enums";

const tone: Record<EmailStatus, string> = {
  PENDING: "bg-warn-50 text-warn-800",
  SENT: "bg-ok-50 text-ok-700",
  FAILED: "bg-bad-50 text-bad-700",
  DRAFT: "bg-petrol-50 text-petrol-800",
};

export async function StatusBadge({ status }: { status: EmailStatus }) {
  const t = await getTranslations("devMailbox");
  return (
    <span className={`inline-block rounded-full px-2.5 py-0.5 text-sm font-semibold ${tone[status]}`}>
      {t(`status.${status}`)}
    </span>
  );
}
