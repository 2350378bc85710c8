import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocalizedLink as Link } from "@/components/site/localized-link";
import { emailChangeOfToken } from "@/lib/registrations/email-change";
import { confirmEmailChangeAction } from "@/lib/registrations/manage-actions";
import type { Locale } from "@/i18n/routing";

type Props = PageProps<"/[locale]/aanmelding/nieuw-adres/[token]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "manage.emailChange" });
  // The address holds a secret, as a manage link does.
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "same-origin" };
}

// Opened from the link in the email sent to a new address. A button does the change, not the link itself:
// mail scanners open every link in a message, and one must not confirm an address nobody has read yet.
export default async function ConfirmEmailChangePage({ params, searchParams }: Props) {
  const { locale, token } = (await params) as { locale: Locale; token: string };
  setRequestLocale(locale);
  const t = await getTranslations("manage.emailChange");
  const query = await searchParams;

  if (query.done === "confirmed") {
    return (
      <main className="mx-auto max-w-2xl px-4 py-10 sm:px-6">
        <div role="status" className="rounded-xl border-2 border-ok-700 bg-ok-50 p-6">
          <h1 className="text-2xl font-semibold text-ok-700">
            <span aria-hidden>✓ </span>
            {t("confirmedTitle")}
          </h1>
          <p className="mt-3 text-lg">{t("confirmedText")}</p>
        </div>
      </main>
    );
  }

  const change = await emailChangeOfToken(token);
  const taken = query.error === "emailTaken";
  if (!change || taken) {
    return (
      <main className="mx-auto max-w-2xl px-4 py-10 sm:px-6">
        <h1 className="text-2xl font-semibold text-petrol-800">{t("title")}</h1>
        <p role="alert" className="mt-6 rounded-md border-2 border-bad-700 bg-bad-50 p-4 font-semibold text-bad-700">
          <span aria-hidden>⚠ </span>
          {taken ? t("taken") : t("expired")}
        </p>
      </main>
    );
  }

  return (
    <main className="mx-auto max-w-2xl px-4 py-10 sm:px-6">
      <h1 className="text-2xl font-semibold text-petrol-800">{t("title")}</h1>
      <p className="mt-4 text-lg">
        {t.rich("intro", {
          title: change.registration.conference.title,
          email: change.newEmail,
          previous: change.registration.email,
          address: (chunks) => <strong className="[overflow-wrap:anywhere]">{chunks}</strong>,
        })}
      </p>
      <form action={confirmEmailChangeAction.bind(null, token)} className="mt-6">
        <button type="submit" className="min-h-12 rounded-md bg-petrol-800 px-5 text-lg font-semibold text-white hover:bg-petrol-900">
          {t("confirm")}
        </button>
      </form>
      <p className="mt-6">
        <Link href={`/conferenties/${change.registration.conference.slug}`} className="text-petrol-700 underline">
          {change.registration.conference.title}
        </Link>
      </p>
    </main>
  );
}
