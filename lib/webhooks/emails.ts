import "server-only";
import type { Locale } from "@/i18n/routing";
import { translatorsFor } from "@/lib/i18n/translator";
import { organiserHeaders, renderEmail } from "@/lib/mail/layout";
import type { OutboxEmail } from "@/lib/mail/outbox";
import { localizedUrl } from "@/lib/site/urls";

const translator = translatorsFor("integrations");

/** To an owner: a webhook was switched off, why, and where to switch it on again. */
export function webhookDisabledEmail(input: {
  to: string;
  locale: Locale;
  url: string;
  reason: "gone" | "failing";
  organisation: { slug: string; name: string; contactEmail: string | null };
}): OutboxEmail {
  const t = translator(input.locale);
  const values = { url: input.url, organisation: input.organisation.name };
  const rendered = renderEmail({
    locale: input.locale,
    organiser: input.organisation,
    preheader: t(`webhooks.disabledMail.${input.reason}`, values),
    heading: t("webhooks.disabledMail.heading", values),
    paragraphs: [t(`webhooks.disabledMail.${input.reason}`, values), t("webhooks.disabledMail.howTo")],
    action: { label: t("webhooks.disabledMail.action"), url: localizedUrl(input.locale, `/beheer/${input.organisation.slug}/koppelingen`) },
  });
  return {
    kind: "webhook.disabled",
    to: input.to,
    subject: t("webhooks.disabledMail.subject", values),
    text: rendered.text,
    html: rendered.html,
    headers: organiserHeaders(input.organisation),
  };
}
