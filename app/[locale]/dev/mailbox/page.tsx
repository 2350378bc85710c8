// Development only: every queued email, so flows that send mail can be followed without an SMTP server.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { env } from "@/lib/env";
import { listOutboxEmails, MAILBOX_PAGE_SIZE } from "@/lib/mail/queries";
import { StatusBadge } from "./status-badge";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/dev/mailbox">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "devMailbox" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

export default async function DevMailboxPage({ params }: PageProps<"/[locale]/dev/mailbox">) {
  // Recipients' addresses and message contents: never on a production server.
  if (env.NODE_ENV === "production") notFound();
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("devMailbox");
  const format = await getFormatter();
  const emails = await listOutboxEmails();

  return (
    <main className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-semibold tracking-tight text-petrol-800">{t("title")}</h1>
      <p className="mt-3 max-w-2xl text-muted">{t("intro")}</p>

      {emails.length === 0 ? (
        <p className="mt-8">{t("empty")}</p>
      ) : (
        <div
          className="mt-8 overflow-x-auto rounded-xl border border-line bg-white"
          role="region"
          aria-labelledby="mailbox-caption"
          tabIndex={0}
        >
          <table className="w-full border-collapse text-left">
            <caption id="mailbox-caption" className="px-4 pt-4 pb-2 text-left font-semibold text-petrol-800">
              {t("caption", { count: MAILBOX_PAGE_SIZE })}
            </caption>
            <thead className="border-b border-line bg-petrol-50 text-sm text-petrol-900">
              <tr>
                <th scope="col" className="px-4 py-2 font-semibold">{t("column.created")}</th>
                <th scope="col" className="px-4 py-2 font-semibold">{t("column.subject")}</th>
                <th scope="col" className="px-4 py-2 font-semibold">{t("column.kind")}</th>
                <th scope="col" className="px-4 py-2 font-semibold">{t("column.to")}</th>
                <th scope="col" className="px-4 py-2 font-semibold">{t("column.status")}</th>
              </tr>
            </thead>
            <tbody>
              {emails.map((email) => (
                <tr key={email.id} className="border-b border-line last:border-b-0 align-top">
                  <td className="whitespace-nowrap px-4 py-3 text-sm text-muted">
                    <time dateTime={email.createdAt.toISOString()}>
                      {format.dateTime(email.createdAt, { dateStyle: "short", timeStyle: "medium" })}
                    </time>
                  </td>
                  <th scope="row" className="px-4 py-3 font-normal">
                    <Link href={`/dev/mailbox/${email.id}`} className="font-semibold text-petrol-700 underline">
                      {email.subject || t("noSubject")}
                    </Link>
                  </th>
                  <td className="px-4 py-3 font-mono text-sm">{email.kind}</td>
                  <td className="px-4 py-3 text-sm break-all">{email.toAddress}</td>
                  <td className="px-4 py-3">
                    <StatusBadge status={email.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
