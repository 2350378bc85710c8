import { signOutAction } from "@/lib/auth/actions";
import type { Locale } from "@/i18n/routing";

// A form, not a link: signing out changes state, so it is a POST (a server action, which Next accepts only
// from this site's own pages). Works without JavaScript.
export function SignOutButton({ locale, label, className }: { locale: Locale; label: string; className: string }) {
  return (
    <form action={signOutAction}>
      <input type="hidden" name="locale" value={locale} />
      <button type="submit" className={className}>
        {label}
      </button>
    </form>
  );
}
