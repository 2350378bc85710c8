import { LocalizedLink as Link } from "@/components/site/localized-link";

type Props = {
  page: number;
  pageCount: number;
  /** Path of page 1; later pages add ?pagina=N. */
  path: string;
  labels: { nav: string; previous: string; next: string; status: string };
};

export function pageHref(path: string, page: number): string {
  return page <= 1 ? path : `${path}?pagina=${page}`;
}

// Previous and next as plain links, so paging works without JavaScript and every page has its own URL.
export function Pagination({ page, pageCount, path, labels }: Props) {
  if (pageCount <= 1) return null;
  const linkClass =
    "inline-flex min-h-11 items-center rounded-md border border-petrol-200 bg-white px-4 font-semibold text-petrol-800 hover:bg-petrol-50";
  return (
    <nav aria-label={labels.nav} className="mt-10 flex flex-wrap items-center justify-between gap-4">
      {page > 1 ? (
        <Link href={pageHref(path, page - 1)} rel="prev" className={linkClass}>
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
        <Link href={pageHref(path, page + 1)} rel="next" className={linkClass}>
          {labels.next}
          <span aria-hidden>&nbsp;→</span>
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
