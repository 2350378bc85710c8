import { LocalizedLink as Link } from "@/components/site/localized-link";

// The band above a preview: says plainly that this is not (yet) what the public sees, and leads back.
export function PreviewNotice({ title, text, back }: { title: string; text: string; back: { href: string; label: string } }) {
  return (
    <section aria-labelledby="preview-notice" className="border-y-4 border-warn-800 bg-warn-50">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-4 sm:px-6">
        <div>
          <h2 id="preview-notice" className="text-xl font-semibold text-warn-800">
            {title}
          </h2>
          <p className="mt-1 max-w-prose">{text}</p>
        </div>
        <Link href={back.href} className="inline-flex min-h-11 items-center font-semibold text-petrol-700 underline">
          {back.label}
        </Link>
      </div>
    </section>
  );
}
