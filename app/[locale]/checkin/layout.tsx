import type { ReactNode } from "react";
import { ClientIntl } from "@/components/site/client-intl";

export default function CheckinLayout({ children }: { children: ReactNode }) {
  return <ClientIntl>{children}</ClientIntl>;
}
