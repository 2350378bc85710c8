import "server-only";
import type { Locale } from "@/i18n/routing";
import { translatorsFor } from "@/lib/i18n/translator";
import { localizedUrl } from "@/lib/site/urls";
import type { Role } from "@/lib/generated/prisma/enums";
import { organiserHeaders, renderEmail, type EmailOrganiser } from "@/lib/mail/layout";
import type { OutboxEmail } from "@/lib/mail/outbox";
import { INVITATION_DAYS } from "./constants";

const authTranslator = translatorsFor("auth");

export { INVITATION_DAYS };

export function invitationUrl(locale: Locale, token: string): string {
  return localizedUrl(locale, `/uitnodiging/${token}`);
}

export function invitationEmail(input: {
  to: string;
  locale: Locale;
  token: string;
  organisation: EmailOrganiser;
  inviterName: string;
  role: Role;
}): OutboxEmail {
  const t = authTranslator(input.locale);
  const role = t(`roles.${input.role}`);
  const values = { organisation: input.organisation.name, inviter: input.inviterName, role, days: INVITATION_DAYS };
  const rendered = renderEmail({
    locale: input.locale,
    organiser: input.organisation,
    preheader: t("invitationMail.preheader", values),
    heading: t("invitationMail.heading", values),
    paragraphs: [
      t("invitationMail.intro", values),
      t(`invitationMail.role${input.role}`),
      t("invitationMail.howTo", values),
    ],
    action: { label: t("invitationMail.action"), url: invitationUrl(input.locale, input.token) },
  });
  return {
    kind: "organisation.invitation",
    to: input.to,
    subject: t("invitationMail.subject", values),
    text: rendered.text,
    html: rendered.html,
    headers: organiserHeaders(input.organisation),
  };
}
