import { Badge, CloseButton, ColorSwatch } from "@mantine/core";

type ActiveFilterChipProps = {
  label: string;
  color?: string;
  /** Names what removing the chip does, e.g. "Show every pulse level". */
  clearLabel: string;
  onClear: () => void;
};

/** The slice or reason the client list is narrowed to, with an "x" to widen it again. */
export function ActiveFilterChip({ label, color, clearLabel, onClear }: ActiveFilterChipProps) {
  return (
    <Badge
      size="lg"
      variant="light"
      color="indigo"
      tt="none"
      fw={600}
      pr={4}
      leftSection={color ? <ColorSwatch color={color} size={10} withShadow={false} aria-hidden /> : undefined}
      rightSection={
        <CloseButton size="xs" radius="xl" variant="transparent" aria-label={clearLabel} onClick={onClear} />
      }
    >
      {label}
    </Badge>
  );
}
