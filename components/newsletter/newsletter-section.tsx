import { getTranslations } from "next-intl/server";
import { LocalizedLink as Link } from "@/components/site/localized-link";
import type { NewsletterFormLabels } from "./newsletter-form";

// The newsletter block: words rendered on the server, only the form itself is a client island. The form
// is passed in, so a page imports (and ships) only the one it shows: the full react-hook-form one
// (newsletter-signup.tsx) or the light one of the home page (newsletter-signup-light.tsx).
export async function NewsletterSection({
  headingLevel = "h2",
  form,
}: {
  headingLevel?: "h1" | "h2";
  form: (labels: NewsletterFormLabels) => React.ReactNode;
}) {
  const t = await getTranslations("newsletter");
  const tv = await getTranslations("validation");
  const Heading = headingLevel;

  return (
    <section aria-labelledby="newsletter-title" className="rounded-2xl border border-petrol-100 bg-petrol-50 p-6 sm:p-8">
      <Heading id="newsletter-title" className="text-2xl font-semibold text-petrol-800">
        {t("title")}
      </Heading>
      <p id="newsletter-intro" className="mt-2 max-w-2xl">
        {t("intro")}
      </p>
      <div className="mt-5">
        {form({
          email: t("email"),
          submit: t("submit"),
          submitting: t("submitting"),
          receivedTitle: t("receivedTitle"),
          // Formatted in the browser with the address the server confirms; ICU would eat the braces here.
          receivedText: t.raw("receivedText") as string,
          receivedNoMail: t("receivedNoMail"),
          validation: { emailInvalid: tv("emailInvalid"), tooLong: tv("tooLong") },
        })}
      </div>
      <p id="newsletter-privacy" className="mt-4 text-sm text-muted">
        {t.rich("privacy", {
          link: (chunks) => (
            <Link href="/privacy" className="text-petrol-700 underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
    </section>
  );
}
