import "server-only";
import type { Tx } from "@/lib/db";
import { organiserHeaders, renderEmail, type EmailContent, type EmailOrganiser } from "@/lib/mail/layout";
import { enqueueEmail } from "@/lib/mail/outbox";
import type { Locale } from "@/i18n/routing";
import { translatorsFor } from "@/lib/i18n/translator";
import { confirmUrl, listUnsubscribeHeaders, unsubscribePageUrl } from "./urls";

const newsletterTranslator = translatorsFor("newsletter");

type Recipient = { email: string; locale: Locale; organisation: EmailOrganiser; unsubscribeToken: string };

/**
 * Queues a newsletter email. Every newsletter goes through here, so none leaves without the unsubscribe
 * link in its footer and the List-Unsubscribe headers (RFC 8058) that let mail clients unsubscribe in one click.
 */
export async function enqueueNewsletterEmail(
  tx: Tx,
  recipient: Recipient,
  kind: string,
  subject: string,
  content: Omit<EmailContent, "locale" | "footer" | "organiser">,
): Promise<void> {
  const t = newsletterTranslator(recipient.locale);
  const footer = t("mail.footer", {
    organisation: recipient.organisation.name,
    url: unsubscribePageUrl(recipient.locale, recipient.unsubscribeToken),
  });
  const { html, text } = renderEmail({ ...content, locale: recipient.locale, footer, organiser: recipient.organisation });
  await enqueueEmail(tx, {
    kind,
    to: recipient.email,
    subject,
    text,
    html,
    headers: { ...organiserHeaders(recipient.organisation), ...listUnsubscribeHeaders(recipient.unsubscribeToken) },
  });
}

// Not a newsletter yet: the address is unconfirmed, so it carries no unsubscribe link, only the promise that
// nothing follows without a click.
export async function enqueueConfirmationEmail(
  tx: Tx,
  to: { email: string; locale: Locale; organisation: EmailOrganiser; confirmToken: string },
): Promise<void> {
  const t = newsletterTranslator(to.locale);
  const { html, text } = renderEmail({
    locale: to.locale,
    organiser: to.organisation,
    preheader: t("mail.confirmPreheader"),
    heading: t("mail.confirmHeading"),
    paragraphs: [t("mail.confirmIntro", { organisation: to.organisation.name })],
    action: { label: t("mail.confirmAction"), url: confirmUrl(to.locale, to.confirmToken) },
    footer: t("mail.confirmIgnore"),
  });
  await enqueueEmail(tx, { kind: "newsletter-confirm", to: to.email, subject: t("mail.confirmSubject"), text, html, headers: organiserHeaders(to.organisation) });
}

// Someone signed up an address that is already confirmed. The page said the same as for a new address; the
// owner of the address hears what happened, with a way out.
export async function enqueueAlreadySubscribedEmail(tx: Tx, recipient: Recipient): Promise<void> {
  const t = newsletterTranslator(recipient.locale);
  await enqueueNewsletterEmail(tx, recipient, "newsletter-already-subscribed", t("mail.alreadySubject"), {
    preheader: t("mail.alreadyPreheader"),
    heading: t("mail.alreadyHeading"),
    paragraphs: [t("mail.alreadyIntro", { organisation: recipient.organisation.name }), t("mail.alreadyUnsubscribe")],
    action: { label: t("mail.unsubscribeAction"), url: unsubscribePageUrl(recipient.locale, recipient.unsubscribeToken) },
  });
}
