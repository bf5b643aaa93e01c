import { Box } from "@mantine/core";
import type { ReactNode } from "react";

/** A horizontally scrolling region that keyboard users can focus and scroll (axe: scrollable-region-focusable). */
export function ScrollRegion({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable to scroll by keyboard
    <Box role="region" aria-label={label} tabIndex={0} style={{ overflowX: "auto", maxWidth: "100%", minWidth: 0 }}>
      <Box miw={minWidth}>{children}</Box>
    </Box>
  );
}
