// Development only: one queued email as the recipient would get it, with its delivery state.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { env } from "@/lib/env";
import { getOutboxEmail } from "@/lib/mail/queries";
import { StatusBadge } from "../status-badge";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/dev/mailbox/[id]">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "devMailbox" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 border-b border-line py-2 last:border-b-0 sm:grid-cols-[12rem_1fr]">
      <dt className="font-semibold text-petrol-900">{label}</dt>
      <dd className="break-all">{children}</dd>
    </div>
  );
}

export default async function DevMailboxEmailPage({ params }: PageProps<"/[locale]/dev/mailbox/[id]">) {
  if (env.NODE_ENV === "production") notFound();
  const { locale, id } = await params;
  setRequestLocale(locale);
  const email = await getOutboxEmail(id);
  if (!email) notFound();
  const t = await getTranslations("devMailbox");
  const tc = await getTranslations("devMailbox.column");
  const format = await getFormatter();
  const when = (date: Date) => (
    <time dateTime={date.toISOString()}>{format.dateTime(date, { dateStyle: "medium", timeStyle: "medium" })}</time>
  );

  return (
    <main className="mx-auto max-w-5xl px-4 py-10 sm:px-6">
      <p>
        <Link href="/dev/mailbox" className="font-semibold text-petrol-700 underline">
          {t("back")}
        </Link>
      </p>
      <h1 className="mt-4 text-3xl font-semibold tracking-tight text-petrol-800">{email.subject || t("noSubject")}</h1>

      <section aria-labelledby="details" className="mt-8 rounded-xl border border-line bg-white p-5">
        <h2 id="details" className="text-xl font-semibold text-petrol-800">{t("details")}</h2>
        <dl className="mt-3">
          <Detail label={tc("status")}><StatusBadge status={email.status} /></Detail>
          <Detail label={tc("kind")}><span className="font-mono text-sm">{email.kind}</span></Detail>
          <Detail label={t("from")}>{env.MAIL_FROM}</Detail>
          <Detail label={tc("to")}>{email.toAddress}</Detail>
          <Detail label={tc("subject")}>{email.subject}</Detail>
          <Detail label={tc("created")}>{when(email.createdAt)}</Detail>
          <Detail label={t("attempts")}>{email.attempts}</Detail>
          {email.status === "PENDING" && <Detail label={t("nextAttempt")}>{when(email.nextAttemptAt)}</Detail>}
          {email.sentAt && <Detail label={t("sentAt")}>{when(email.sentAt)}</Detail>}
          {email.messageId && <Detail label={t("messageId")}>{email.messageId}</Detail>}
          {email.lastError && <Detail label={t("lastError")}>{email.lastError}</Detail>}
          {Object.entries(email.headers).map(([name, value]) => (
            <Detail key={name} label={name}>{value}</Detail>
          ))}
        </dl>
        {email.attachments.length > 0 && (
          <>
            <h3 className="mt-5 font-semibold text-petrol-800">{t("attachments")}</h3>
            <ul className="mt-2 list-disc pl-6">
              {email.attachments.map((a) => (
                <li key={a.filename}>
                  {a.filename} <span className="text-muted">({a.contentType}, {t("attachmentSize", { size: Math.ceil(a.size / 1024) })})</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="html-body" className="mt-8">
        <h2 id="html-body" className="text-xl font-semibold text-petrol-800">{t("htmlBody")}</h2>
        {email.previewHtml === null ? (
          <p className="mt-3">{t("noHtml")}</p>
        ) : (
          // sandbox="" : no scripts, no forms, no same-origin access; the email is only looked at.
          <iframe
            title={t("htmlFrameTitle")}
            srcDoc={email.previewHtml}
            sandbox=""
            className="mt-3 h-[72rem] w-full rounded-xl border border-line bg-white"
          />
        )}
      </section>

      <section aria-labelledby="text-body" className="mt-8">
        <h2 id="text-body" className="text-xl font-semibold text-petrol-800">{t("textBody")}</h2>
        <pre className="mt-3 overflow-x-auto rounded-xl border border-line bg-white p-5 font-mono text-sm whitespace-pre-wrap">
          {email.textBody}
        </pre>
      </section>
    </main>
  );
}
