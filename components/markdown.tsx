import ReactMarkdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";

// Markdown from organisers, rendered without raw HTML: tags in the text show as text, and react-markdown's
// default URL filter drops javascript: and other unsafe link targets.
const components: Components = {
  a: ({ href, children }) => {
    const external = typeof href === "string" && /^https?:\/\//.test(href);
    return (
      <a href={href} {...(external ? { rel: "noopener noreferrer", target: "_blank" } : {})}>
        {children}
      </a>
    );
  },
  // Images in a body would bypass the photo library's alt text rule and size; show their alt text instead.
  img: ({ alt }) => <span>{alt}</span>,
};

export function Markdown({ children, className }: { children: string; className?: string }) {
  return (
    <div className={className}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} skipHtml={false} components={components}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
