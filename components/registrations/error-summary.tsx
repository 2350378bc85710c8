"use client";
// GOV.UK's error summary: after a refused submit, a box at the top of the form with a heading and a link to each
// field in error, which takes the focus, so that on a phone the person sees at once that nothing was sent and
// what to fix, however far down the button was. Without JavaScript the server renders it with autofocus.
import type { Ref } from "react";

export type SummaryItem = { text: string; href?: string };

type Props = { title: string; intro?: string; items: SummaryItem[]; ref?: Ref<HTMLDivElement> };

/** Focuses the field a summary link points at and brings its label into view, as GOV.UK's script does. */
function focusTarget(event: React.MouseEvent<HTMLAnchorElement>, href: string) {
  const target = document.getElementById(href.slice(1));
  if (!target) return;
  event.preventDefault();
  const label = target.id ? document.querySelector(`label[for="${CSS.escape(target.id)}"]`) : null;
  const legend = target.closest("fieldset")?.querySelector("legend");
  (label ?? legend ?? target).scrollIntoView({ block: "start" });
  target.focus({ preventScroll: true });
}

export function ErrorSummary({ title, intro, items, ref }: Props) {
  return (
    <div
      ref={ref}
      tabIndex={-1}
      // The page rendered after a post without JavaScript: the browser focuses it (and scrolls to it) on load.
      autoFocus
      aria-labelledby="error-summary-title"
      className="scroll-mt-4 rounded-md border-4 border-bad-700 bg-white p-4 focus:outline-none focus-visible:ring-4 focus-visible:ring-accent-600"
    >
      <div role="alert">
        <h2 id="error-summary-title" className="text-xl font-semibold text-bad-700">
          <span aria-hidden>⚠ </span>
          {title}
        </h2>
        {intro && <p className="mt-2">{intro}</p>}
        {items.length > 0 && (
          <ul className="mt-3 list-none space-y-2">
            {items.map((item, index) =>
              item.href ? (
                <li key={index}>
                  <a
                    href={item.href}
                    onClick={(event) => focusTarget(event, item.href ?? "")}
                    className="inline-block py-1 font-semibold text-bad-700 underline underline-offset-4"
                  >
                    {item.text}
                  </a>
                </li>
              ) : (
                <li key={index} className="font-semibold text-bad-700">
                  {item.text}
                </li>
              ),
            )}
          </ul>
        )}
      </div>
    </div>
  );
}
