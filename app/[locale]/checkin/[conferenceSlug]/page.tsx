// The door of one conference, for its organisation's hosts, organisers and owners. Signed out: to the sign-in
// page and back. Anyone else, or a slug that does not exist: the same 404.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { CheckInScreen } from "@/components/checkin/checkin-screen";
import { AuthorizationError, checkInAccessFor } from "@/lib/checkin/access";
import { doorSessions } from "@/lib/checkin/queries";
import { requireUserForPage } from "@/lib/auth/page-access";

type Props = PageProps<"/[locale]/checkin/[conferenceSlug]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "checkin" });
  return { title: t("heading"), robots: { index: false, follow: false } };
}

export default async function CheckInPage({ params }: Props) {
  const { locale, conferenceSlug } = (await params) as { locale: Locale; conferenceSlug: string };
  setRequestLocale(locale);
  const user = await requireUserForPage(locale, `/checkin/${conferenceSlug}`);
  const access = await checkInAccessFor(user, conferenceSlug).catch((error: unknown) => {
    if (error instanceof AuthorizationError) notFound();
    throw error;
  });
  const [messages, sessions] = await Promise.all([getMessages(), doorSessions(access.conference.id)]);
  return (
    <NextIntlClientProvider messages={{ checkin: messages.checkin, validation: messages.validation, attendance: { door: messages.attendance.door } }}>
      <CheckInScreen slug={access.conference.slug} title={access.conference.title} hostName={access.host.name ?? access.host.email} sessions={sessions} />
    </NextIntlClientProvider>
  );
}
