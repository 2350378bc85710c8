import "server-only";
import { translatorsFor } from "@/lib/i18n/translator";
import { localizedUrl } from "@/lib/site/urls";
import { formatDateTimeRange } from "@/lib/format";
import { organiserHeaders, renderEmail, type EmailOrganiser } from "@/lib/mail/layout";
import type { OutboxEmail } from "@/lib/mail/outbox";

type Locale = "nl" | "en";

const translators = translatorsFor("conferenceEditor.mail");

/**
 * The news that a conference is off, to one registrant (confirmed or waiting), in the language they signed up
 * in. Written in the transaction that cancels, so every registrant of that moment gets exactly one.
 */
export function cancellationEmail(
  registration: { name: string; email: string; locale: string },
  conference: { slug: string; title: string; startsAt: Date; endsAt: Date; organisation: EmailOrganiser },
): OutboxEmail {
  const locale: Locale = registration.locale === "en" ? "en" : "nl";
  const t = translators(locale);
  const when = formatDateTimeRange(conference.startsAt, conference.endsAt, locale);
  const rendered = renderEmail({
    locale,
    organiser: conference.organisation,
    preheader: t("cancelledPreheader", { title: conference.title }),
    heading: t("cancelledHeading", { name: registration.name }),
    paragraphs: [
      t("cancelledIntro", { title: conference.title, when }),
      t("cancelledNoAction"),
      t("cancelledSorry", { organisation: conference.organisation.name }),
    ],
    action: {
      label: t("cancelledAction"),
      url: localizedUrl(locale, `/conferenties/${conference.slug}`),
    },
  });
  return {
    kind: "conference.cancelled",
    to: registration.email,
    subject: t("cancelledSubject", { title: conference.title }),
    text: rendered.text,
    html: rendered.html,
    headers: organiserHeaders(conference.organisation),
  };
}
