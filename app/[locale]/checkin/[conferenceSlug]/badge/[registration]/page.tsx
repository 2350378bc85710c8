// One badge printed at the door (issue 14, item 12): a walk-in's, or one that got lost. For the same people as the
// door itself (a host may print it); signed out to the sign-in page, anyone else and another conference's person
// get the same 404.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { BadgeSheets } from "@/components/registrations-admin/badge-sheets";
import { PrintButton } from "@/components/registrations-admin/print-button";
import { requireUserForPage } from "@/lib/auth/page-access";
import { AuthorizationError, checkInAccessFor } from "@/lib/checkin/access";
import { badgeBranding, listBadges } from "@/lib/registrations/admin-queries";

type Props = PageProps<"/[locale]/checkin/[conferenceSlug]/badge/[registration]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "registrationsAdmin.badges" });
  return { title: t("titleOne"), robots: { index: false, follow: false } };
}

export default async function DoorBadgePage({ params }: Props) {
  const { locale, conferenceSlug, registration } = (await params) as { locale: Locale; conferenceSlug: string; registration: string };
  setRequestLocale(locale);
  const user = await requireUserForPage(locale, `/checkin/${conferenceSlug}/badge/${registration}`);
  const access = await checkInAccessFor(user, conferenceSlug).catch((error: unknown) => {
    if (error instanceof AuthorizationError) notFound();
    throw error;
  });
  if (registration.length > 40) notFound();
  const [badges, branding, t] = await Promise.all([
    listBadges(access.conference.id, registration),
    badgeBranding(access.conference.id),
    getTranslations("registrationsAdmin.badges"),
  ]);
  // Not this conference's person, or not (any more) confirmed: nothing to print, and nothing said about who.
  if (badges.length === 0) notFound();

  return (
    <main className="mx-auto max-w-xl px-4 py-6 print:m-0 print:max-w-none print:p-0">
      <div className="mb-6 space-y-3 print:hidden">
        <Link href={`/checkin/${access.conference.slug}`} className="inline-flex min-h-12 items-center font-semibold text-petrol-700 underline">
          <span aria-hidden>←&nbsp;</span>
          {t("backToDoor")}
        </Link>
        <h1 className="text-2xl font-semibold text-petrol-800">{t("titleOf", { name: badges[0]?.name ?? "" })}</h1>
        <p className="text-muted">{t("introOne")}</p>
        <PrintButton label={t("print")} />
      </div>
      {/* The badge keeps its printed size: on a phone the sheet scrolls sideways, and a keyboard can scroll it too. */}
      <div role="region" aria-label={t("preview")} tabIndex={0} className="overflow-x-auto print:overflow-visible">
        <BadgeSheets badges={badges} branding={branding} locale={locale} />
      </div>
    </main>
  );
}
