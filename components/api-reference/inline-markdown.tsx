// The little Markdown the OpenAPI descriptions use: paragraphs, `code` and **bold**. No HTML is
// passed through: every piece is a React text node.
import { Fragment } from "react";

function inline(text: string) {
  return text.split(/(`[^`]+`|\*\*[^*]+\*\*)/g).map((part, i) => {
    if (part.startsWith("`") && part.endsWith("`")) {
      return (
        <code key={i} className="rounded bg-muted px-1 py-0.5 font-mono text-[0.85em] break-words">
          {part.slice(1, -1)}
        </code>
      );
    }
    if (part.startsWith("**") && part.endsWith("**")) return <strong key={i}>{part.slice(2, -2)}</strong>;
    return <Fragment key={i}>{part}</Fragment>;
  });
}

export function InlineMarkdown({ text, className }: { text: string; className?: string }) {
  return (
    <div className={className}>
      {text.split(/\n{2,}/).map((paragraph, i) => (
        <p key={i} className="mt-2 first:mt-0">
          {inline(paragraph)}
        </p>
      ))}
    </div>
  );
}
