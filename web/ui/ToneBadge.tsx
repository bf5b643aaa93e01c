import { Badge, type BadgeProps } from "@mantine/core";

export type Tone = "gray" | "indigo" | "violet" | "cyan" | "teal" | "blue" | "red" | "orange";

/** Orange's darkest shade is 4.47:1 on its lightest, just under AA: its ink is darker still. */
const INK: Partial<Record<Tone, string>> = { orange: "#a33a0a" };

/** A light badge whose text uses the darkest shade, so every tone passes WCAG AA contrast. */
export function ToneBadge({ tone, ...props }: { tone: Tone } & Omit<BadgeProps, "color" | "variant">) {
  return <Badge variant="light" bg={`${tone}.0`} c={INK[tone] ?? `${tone}.9`} {...props} />;
}
