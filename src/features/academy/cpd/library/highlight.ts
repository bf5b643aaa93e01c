import { HIGHLIGHT_START, HIGHLIGHT_STOP } from "./catalog-format.js";
import type { Highlighted } from "./contract.js";

/** ts_headline's options: matches wrapped in private-use markers (catalog text may not contain them). */
export const HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, HighlightAll=true`;

/**
 * Splits a ts_headline result into plain runs and matches, so the browser renders text nodes and
 * <mark> elements (never HTML). Unbalanced markers are treated as text boundaries, never lost.
 */
export function splitHighlight(headline: string): Highlighted {
  const runs: Highlighted = [];
  let match = false;
  let text = "";
  const flush = () => {
    if (text === "") return;
    const last = runs.at(-1);
    if (last && last.match === match) last.text += text;
    else runs.push({ text, match });
    text = "";
  };
  for (const ch of headline) {
    if (ch === HIGHLIGHT_START || ch === HIGHLIGHT_STOP) {
      flush();
      match = ch === HIGHLIGHT_START;
    } else text += ch;
  }
  flush();
  return runs;
}
