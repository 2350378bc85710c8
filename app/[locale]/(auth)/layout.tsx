import { ClientIntl } from "@/components/site/client-intl";

// Sign-in, sign-out and invitation pages depend on the session and on one-time tokens in the URL: rendered
// for every request, never kept in Next's page cache (the [locale] layout's generateStaticParams would
// otherwise make them cache candidates).
export const dynamic = "force-dynamic";

export default function AuthLayout({ children }: LayoutProps<"/[locale]">) {
  return <ClientIntl>{children}</ClientIntl>;
}
