import { Badge, type BadgeProps } from "@mantine/core";
import type { ReactNode } from "react";

/** Text shades that stay above 4.5:1 on the palest tint where Mantine's shade 9 does not. */
const INK: Record<string, string> = { orange: "#a33a0a", yellow: "#7a5200", lime: "#3f6a0b" };

type SoftBadgeProps = Omit<BadgeProps, "color" | "variant"> & { color: string; children: ReactNode };

/** A pale badge (tint 0, dark text) that passes WCAG AA at small sizes, unlike Mantine's light variant. */
export function SoftBadge({ color, children, ...props }: SoftBadgeProps) {
  return (
    <Badge variant="light" bg={`${color}.0`} c={INK[color] ?? `${color}.9`} {...props}>
      {children}
    </Badge>
  );
}
