import { Markdown } from "@/components/markdown";

type Quote = { id?: string; text: string; attribution: string | null };

// The text of a report: lead, markdown body and pull quotes. The public report page renders it on the server
// (no JavaScript); the editor's live preview renders the very same component in the browser, so what an
// organiser sees while writing is what visitors will read. Keep it free of server-only and client-only code.
export function ReportBody({ lead, body, quotes, lang }: { lead: string; body: string; quotes: Quote[]; lang?: string }) {
  return (
    <div lang={lang}>
      {lead && <p className="mt-8 text-xl leading-relaxed">{lead}</p>}
      <Markdown className="prose-podium mt-6">{body}</Markdown>

      {quotes.map((quote, index) => (
        <figure key={quote.id ?? index} className="my-10 border-l-4 border-accent-600 pl-6 print:break-inside-avoid">
          <blockquote className="text-2xl leading-snug text-petrol-800">“{quote.text}”</blockquote>
          {quote.attribution && <figcaption className="mt-2 text-muted">{quote.attribution}</figcaption>}
        </figure>
      ))}
    </div>
  );
}
