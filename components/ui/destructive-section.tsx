// A destructive action that asks twice: the first click opens the disclosure, the second submits. No script,
// so it works without JavaScript too.
export function DestructiveSection({
  id,
  title,
  text,
  confirmLabel,
  action,
  className = "",
}: {
  id: string;
  title: string;
  text: string;
  confirmLabel: string;
  action: () => Promise<void>;
  className?: string;
}) {
  return (
    <section aria-labelledby={id} className={`rounded-xl border border-line bg-white p-5 ${className}`}>
      <h2 id={id} className="text-xl font-semibold text-petrol-800">
        {title}
      </h2>
      <p className="mt-1">{text}</p>
      <details className="mt-3">
        <summary className="inline-flex min-h-12 cursor-pointer items-center rounded-md border-2 border-bad-700 px-4 font-semibold text-bad-700">
          {title}…
        </summary>
        <form action={action} className="mt-3">
          <button type="submit" className="min-h-12 rounded-md bg-bad-700 px-5 font-semibold text-white">
            {confirmLabel}
          </button>
        </form>
      </details>
    </section>
  );
}
