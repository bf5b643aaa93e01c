import { Alert } from "@mantine/core";

/** Says the catalog is generated demo content, until a publisher imports their own. */
export function DemoNotice() {
  return (
    <Alert color="yellow" variant="light" title="Demo content">
      These CPD items are generated demo content: titles, summaries and durations show how the library works. Your
      publisher replaces them by importing its own catalog.
    </Alert>
  );
}
