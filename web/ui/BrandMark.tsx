import { Group, Text, ThemeIcon } from "@mantine/core";
import { IconActivityHeartbeat } from "@tabler/icons-react";

/** The Pulse logo and word mark. */
/** `compactBelow` hides the word (keeping the mark) on screens narrower than that breakpoint. */
export function BrandMark({ size = "md", compactBelow }: { size?: "md" | "lg"; compactBelow?: "xs" | "sm" }) {
  const large = size === "lg";
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon
        size={large ? 40 : 32}
        radius="md"
        variant="gradient"
        gradient={{ from: "indigo.7", to: "violet.7", deg: 135 }}
        aria-hidden
      >
        <IconActivityHeartbeat size={large ? 24 : 20} stroke={2} />
      </ThemeIcon>
      <Text
        fw={800}
        fz={large ? 26 : 20}
        lh={1}
        c="dark.8"
        style={{ letterSpacing: "-0.02em" }}
        visibleFrom={compactBelow}
      >
        Pulse
      </Text>
    </Group>
  );
}
