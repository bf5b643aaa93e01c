import { Text } from "@mantine/core";
import ReactMarkdown from "react-markdown";

/**
 * A question's Markdown (prompts, long scenarios, explanations). Paragraphs render as block spans so
 * the text can sit inside a radio group's label.
 */
export function PromptText({ children, dimmed }: { children: string; dimmed?: boolean }) {
  return (
    <Text component="span" display="block" c={dimmed ? "dimmed" : undefined} fz={dimmed ? "sm" : undefined}>
      <ReactMarkdown
        components={{
          p: ({ children: inner }) => (
            <Text component="span" display="block" mb={6} inherit>
              {inner}
            </Text>
          ),
        }}
      >
        {children}
      </ReactMarkdown>
    </Text>
  );
}
