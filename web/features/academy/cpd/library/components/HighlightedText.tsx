import type { Highlighted } from "../../../../../../src/features/academy/cpd/library/contract";

/** Search matches as <mark> and plain runs as text nodes: React escapes both, no HTML is injected. */
export function HighlightedText({ runs }: { runs: Highlighted }) {
  return (
    <>
      {runs.map((run, i) =>
        run.match ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: runs are positional and never reordered
          <mark key={i}>{run.text}</mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: runs are positional and never reordered
          <span key={i}>{run.text}</span>
        ),
      )}
    </>
  );
}
