import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { MessageForm } from "@/components/announcements/message-form";
import { EditorMessages } from "@/components/editor/editor-messages";
import { PageHeading } from "@/components/editor/page-heading";
import { messagesOfConference } from "@/lib/announcements/queries";
import { segmentOf, segmentValue } from "@/lib/announcements/schema";
import { requireOrganisationPage } from "@/lib/auth/page-access";
import { ORGANISE } from "@/lib/auth/roles";
import { getEditableConference } from "@/lib/conferences/admin-queries";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { questionsOfConference } from "@/lib/questions/queries";
import { CONDITION_TYPES } from "@/lib/questions/schema";
import { dashboardMetadata } from "../../../../../dashboard-metadata";

type Props = PageProps<"/[locale]/beheer/[organisation]/conferenties/[conference]/berichten">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "conferenceEditor.messages" });
  return dashboardMetadata(locale, t("title"));
}

export default async function MessagesPage({ params }: Props) {
  const { locale, organisation: slug, conference: conferenceId } = (await params) as { locale: Locale; organisation: string; conference: string };
  setRequestLocale(locale);
  const base = `/beheer/${slug}/conferenties/${conferenceId}`;
  const access = await requireOrganisationPage(locale, slug, ORGANISE, `${base}/berichten`);
  const conference = await getEditableConference(access.organisation.id, conferenceId);
  if (!conference) notFound();
  const [t, sessions, questions, sent] = await Promise.all([
    getTranslations("conferenceEditor.messages"),
    db.programmeSession.findMany({ where: { conferenceId: conference.id, workshopRoundId: { not: null } }, orderBy: { startsAt: "asc" }, select: { id: true, title: true } }),
    questionsOfConference(conference.id),
    messagesOfConference(conference.id),
  ]);
  const yesNo = (value: string) => t(value === "yes" ? "yes" : "no");
  const segments = [
    { value: "confirmed", label: t("segments.confirmed") },
    { value: "waitlisted", label: t("segments.waitlisted") },
    ...sessions.map((s) => ({ value: segmentValue({ kind: "workshop", sessionId: s.id }), label: t("segments.workshop", { title: s.title }) })),
    { value: "checkedIn", label: t("segments.checkedIn") },
    { value: "notCheckedIn", label: t("segments.notCheckedIn") },
    ...questions
      .filter((q) => CONDITION_TYPES.has(q.type))
      .flatMap((q) =>
        (q.type === "YES_NO" ? ["yes", "no"] : q.options.map((o) => o.id)).map((value) => ({
          value: segmentValue({ kind: "answer", questionId: q.id, value }),
          label: t("segments.answer", { question: q.label[locale], answer: q.type === "YES_NO" ? yesNo(value) : (q.options.find((o) => o.id === value)?.[locale] ?? value) }),
        })),
      ),
  ];
  const labelOf = (segment: unknown) => {
    const value = segmentOf(typeof segment === "object" && segment ? segmentValue(segment as never) : "");
    return segments.find((s) => value && s.value === segmentValue(value))?.label ?? "";
  };

  return (
    <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <PageHeading back={{ href: base, label: t("back") }} title={`${t("title")}: ${conference.title}`} intro={t("intro")} />
      <div className="mt-6 grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-labelledby="nieuw-bericht" className="rounded-lg border border-line bg-white p-5">
          <h2 id="nieuw-bericht" className="mb-4 text-xl font-semibold text-petrol-800">
            {t("new")}
          </h2>
          <EditorMessages>
            <MessageForm conferenceId={conference.id} segments={segments} locale={locale} email={access.user.email} />
          </EditorMessages>
        </section>
        <section aria-labelledby="verstuurd">
          <h2 id="verstuurd" className="text-xl font-semibold text-petrol-800">
            {t("sent")}
          </h2>
          {sent.length === 0 ? (
            <p className="mt-3">{t("noneSent")}</p>
          ) : (
            <ul className="mt-3 divide-y divide-line rounded-lg border border-line bg-white">
              {sent.map((message) => (
                <li key={message.id} className="p-4">
                  <p className="font-semibold">{message.subject}</p>
                  <p className="text-sm text-muted">
                    {t("sentLine", { date: formatDateTime(message.sentAt, locale), count: message.recipientCount, segment: labelOf(message.segment), by: message.sentBy?.name ?? message.sentBy?.email ?? "" })}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </main>
  );
}
