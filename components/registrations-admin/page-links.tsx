import { Link } from "@/i18n/navigation";

type Props = {
  page: number;
  pageCount: number;
  /** The URL of a page, keeping whatever search and filters are on. */
  hrefOf: (page: number) => string;
  labels: { nav: string; previous: string; next: string; status: string };
};

const linkClass =
  "inline-flex min-h-12 items-center rounded-md border border-petrol-200 bg-white px-4 font-semibold text-petrol-800 hover:bg-petrol-50";

// Previous and next as plain links, so paging works without JavaScript and every page has its own URL.
export function PageLinks({ page, pageCount, hrefOf, labels }: Props) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={labels.nav} className="mt-6 flex flex-wrap items-center justify-between gap-4">
      {page > 1 ? (
        <Link href={hrefOf(page - 1)} rel="prev" className={linkClass}>
          <span aria-hidden>←&nbsp;</span>
          {labels.previous}
        </Link>
      ) : (
        <span />
      )}
      <p className="text-muted" aria-current="page">
        {labels.status}
      </p>
      {page < pageCount ? (
        <Link href={hrefOf(page + 1)} rel="next" className={linkClass}>
          {labels.next}
          <span aria-hidden>&nbsp;→</span>
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** A path with its query; empty values are left out so URLs stay short. */
export function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== "") params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}
