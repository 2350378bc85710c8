import { ClientIntl } from "@/components/site/client-intl";

// Everything under the dashboard is per person: rendered for every request, never kept in Next's page cache
// (the [locale] layout's generateStaticParams would otherwise make /beheer a cache candidate).
export const dynamic = "force-dynamic";

export default function DashboardLayout({ children }: LayoutProps<"/[locale]">) {
  return <ClientIntl>{children}</ClientIntl>;
}
