import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";

/**
 * The locale for client components that use next-intl's hooks or its Link (the dashboard, sign-in, the door).
 * Public pages go without it, which keeps their JavaScript light; a public form that needs messages gets its
 * own provider with exactly those messages.
 */
export function ClientIntl({ children }: { children: ReactNode }) {
  return <NextIntlClientProvider messages={null}>{children}</NextIntlClientProvider>;
}
