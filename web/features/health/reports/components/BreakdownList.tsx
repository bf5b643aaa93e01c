import { ColorSwatch, Group, Stack, Text, UnstyledButton } from "@mantine/core";
import classes from "./BreakdownList.module.css";

export type BreakdownItem = {
  key: string;
  label: string;
  color: string;
  /** The measured amount, as text ("12 clients", "$1.2M"). */
  amount: string;
  /** Share of the total, as text ("12%"). */
  share: string;
  /** Share of the total, 0-100, for the bar. */
  percent: number;
  /** Shown under the label (e.g. a reason's category). */
  hint?: string;
};

type BreakdownListProps = {
  label: string;
  items: BreakdownItem[];
  selected: readonly string[];
  onSelect?: (key: string) => void;
};

/**
 * The chart's data as a list of buttons: the keyboard (and screen-reader) way to drill down, and a legend
 * with exact amounts. A selected row is pressed; the others turn gray while one is selected.
 */
export function BreakdownList({ label, items, selected, onSelect }: BreakdownListProps) {
  return (
    <Stack component="ul" gap={2} aria-label={label} m={0} p={0} style={{ listStyle: "none" }}>
      {items.map((item) => {
        const pressed = selected.includes(item.key);
        const faded = selected.length > 0 && !pressed;
        const body = (
          <Stack gap={4}>
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
                <ColorSwatch
                  color={item.color}
                  size={12}
                  withShadow={false}
                  aria-hidden
                  style={{ flexShrink: 0, opacity: faded ? 0.4 : 1 }}
                />
                <Text fz="sm" fw={pressed ? 700 : 500} c={faded ? "dimmed" : undefined} truncate>
                  {item.label}
                </Text>
              </Group>
              <Group gap={8} wrap="nowrap" style={{ flexShrink: 0 }}>
                <Text fz="sm" c={faded ? "dimmed" : undefined} style={{ fontVariantNumeric: "tabular-nums" }}>
                  {item.amount}
                </Text>
                <Text fz="xs" c="dimmed" w={40} ta="right" style={{ fontVariantNumeric: "tabular-nums" }}>
                  {item.share}
                </Text>
              </Group>
            </Group>
            <div style={{ height: 4, borderRadius: 2, background: "var(--mantine-color-gray-1)" }}>
              <div
                style={{
                  width: `${item.percent}%`,
                  height: 4,
                  borderRadius: 2,
                  background: item.color,
                  opacity: faded ? 0.4 : 1,
                }}
              />
            </div>
            {item.hint ? (
              <Text fz="xs" c="dimmed" mt={-2}>
                {item.hint}
              </Text>
            ) : null}
          </Stack>
        );
        return (
          <li key={item.key} data-color={item.color}>
            {onSelect ? (
              <UnstyledButton
                onClick={() => onSelect(item.key)}
                aria-pressed={pressed}
                w="100%"
                px="xs"
                py={6}
                className={classes.row}
              >
                {body}
              </UnstyledButton>
            ) : (
              <div style={{ padding: "6px var(--mantine-spacing-xs)" }}>{body}</div>
            )}
          </li>
        );
      })}
    </Stack>
  );
}
