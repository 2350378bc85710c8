// Structured data as a script tag. JSON.stringify does not escape "<", so a title containing "</script>"
// could close the tag early; writing it as \u003c keeps the JSON identical and the HTML inert.
export function JsonLd({ data }: { data: Record<string, unknown> }) {
  return (
    <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/</g, "\\u003c") }} />
  );
}
