import type { Locale } from "@/i18n/routing";
import { NewsletterForm } from "./newsletter-form";
import { NewsletterSection } from "./newsletter-section";

// The sign-up with the full react-hook-form form: the newsletter page.
export function NewsletterSignup({ locale, headingLevel }: { locale: Locale; headingLevel?: "h1" | "h2" }) {
  return (
    <NewsletterSection
      headingLevel={headingLevel}
      form={(labels) => <NewsletterForm locale={locale} describedById="newsletter-privacy" labels={labels} />}
    />
  );
}
