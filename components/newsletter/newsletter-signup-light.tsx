import type { Locale } from "@/i18n/routing";
import { NewsletterLightForm } from "./newsletter-light-form";
import { NewsletterSection } from "./newsletter-section";

// The newsletter block of the home page: the same words, the form without react-hook-form (JS budget).
export function NewsletterSignupLight({ locale }: { locale: Locale }) {
  return (
    <NewsletterSection
      form={(labels) => <NewsletterLightForm locale={locale} describedById="newsletter-privacy" labels={labels} />}
    />
  );
}
