import type { ComponentPropsWithoutRef } from "react";
import ReactMarkdown from "react-markdown";

type HeadingProps = ComponentPropsWithoutRef<"h3">;

/**
 * Lesson Markdown. Headings are moved down below the item's own title (a reading's "# Title" becomes an
 * h3), so the page keeps one h1 and a sound outline. Raw HTML is not rendered.
 */
export function Markdown({ children }: { children: string }) {
  return (
    <div className="lesson-markdown">
      <ReactMarkdown
        components={{
          h1: (p: HeadingProps) => <h3 {...p} />,
          h2: (p: HeadingProps) => <h4 {...p} />,
          h3: (p: HeadingProps) => <h5 {...p} />,
          h4: (p: HeadingProps) => <h6 {...p} />,
          h5: (p: HeadingProps) => <h6 {...p} />,
        }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
