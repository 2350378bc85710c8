import { getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import type { CurrentUser } from "@/lib/auth/session";
import { SignOutButton } from "./sign-out-button";
import { secondaryButton } from "./styles";

// Who is signed in, and the way out; on every dashboard page.
export async function AccountBar({ user, locale }: { user: CurrentUser; locale: Locale }) {
  const t = await getTranslations("dashboard.shell");
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm sm:justify-end">
      <span className="text-muted">{t("signedInAs", { email: user.email })}</span>
      <SignOutButton locale={locale} label={t("signOut")} className={`${secondaryButton} text-sm`} />
    </div>
  );
}
