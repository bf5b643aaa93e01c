import { Badge, type BadgeProps } from "@mantine/core";

export type Tone = "gray" | "indigo" | "violet" | "cyan" | "teal" | "blue" | "red" | "orange";

/** A light badge whose text uses the darkest shade, so every tone passes WCAG AA contrast. */
export function ToneBadge({ tone, ...props }: { tone: Tone } & Omit<BadgeProps, "color" | "variant">) {
  return <Badge variant="light" bg={`${tone}.0`} c={`${tone}.9`} {...props} />;
}
