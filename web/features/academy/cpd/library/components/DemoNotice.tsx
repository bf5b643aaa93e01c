import { Alert } from "@mantine/core";

/** Says the catalog is generated demo content, until a publisher imports their own. */
export function DemoNotice() {
  return (
    <Alert
      color="yellow"
      variant="light"
      title="Demo content"
      // The light yellow title is too faint to read (axe: contrast): it takes the body's text colour.
      styles={{ title: { color: "var(--mantine-color-text)" } }}
    >
      These CPD items are generated demo content: titles, summaries and durations show how the library works. Your
      publisher replaces them by importing its own catalog.
    </Alert>
  );
}
