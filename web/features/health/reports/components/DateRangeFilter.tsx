import { Button, Group, Input, Popover, SimpleGrid, Stack, Text, TextInput, UnstyledButton } from "@mantine/core";
import { IconCalendar, IconChevronDown } from "@tabler/icons-react";
import { formatCalendarDate } from "../../clients/calendar-date";
import type { DateRange, DateRangePreset } from "../report-dates";

type DateRangeFilterProps = {
  label: string;
  value: DateRange;
  onChange: (range: DateRange) => void;
  presets: DateRangePreset[];
};

export function describeRange({ from, to }: DateRange): string {
  if (from && to) return `${formatCalendarDate(from)} – ${formatCalendarDate(to)}`;
  if (from) return `From ${formatCalendarDate(from)}`;
  if (to) return `Until ${formatCalendarDate(to)}`;
  return "Any time";
}

/** "Nov 23 – Jan 22 ’27": short enough for the button (the year only when it is not this year). */
function shortRange({ from, to }: DateRange): string {
  const thisYear = new Date().getUTCFullYear();
  const short = (iso: string) => {
    const date = new Date(`${iso}T00:00:00Z`);
    const text = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", timeZone: "UTC" }).format(date);
    return date.getUTCFullYear() === thisYear ? text : `${text} ’${String(date.getUTCFullYear()).slice(2)}`;
  };
  if (from && to) return `${short(from)} – ${short(to)}`;
  if (from) return `From ${short(from)}`;
  if (to) return `Until ${short(to)}`;
  return "Any time";
}

const same = (a: DateRange, b: DateRange) => (a.from ?? "") === (b.from ?? "") && (a.to ?? "") === (b.to ?? "");

/** A labelled button showing a date range; it opens two date inputs and a few quick ranges. */
export function DateRangeFilter({ label, value, onChange, presets }: DateRangeFilterProps) {
  const active = Boolean(value.from || value.to);
  const invalid = Boolean(value.from && value.to && value.from > value.to);
  return (
    <Input.Wrapper label={label} labelElement="div">
      <Popover position="bottom-start" shadow="md" width={300} trapFocus>
        <Popover.Target>
          <Button
            aria-label={`${label}: ${describeRange(value)}`}
            title={describeRange(value)}
            variant={active ? "light" : "default"}
            fw={active ? 600 : 400}
            justify="space-between"
            fullWidth
            leftSection={<IconCalendar size={16} aria-hidden />}
            rightSection={<IconChevronDown size={14} aria-hidden />}
            styles={{ label: { overflow: "hidden", textOverflow: "ellipsis" } }}
          >
            {presets.find((p) => same(p.range, value))?.label ?? shortRange(value)}
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="sm">
            <SimpleGrid cols={2} spacing="xs">
              <TextInput
                type="date"
                size="xs"
                label="From"
                value={value.from ?? ""}
                max={value.to}
                onChange={(event) => onChange({ ...value, from: event.currentTarget.value || undefined })}
              />
              <TextInput
                type="date"
                size="xs"
                label="To"
                value={value.to ?? ""}
                min={value.from}
                onChange={(event) => onChange({ ...value, to: event.currentTarget.value || undefined })}
                error={invalid ? "Before the start" : undefined}
              />
            </SimpleGrid>
            <Stack gap={2}>
              <Text fz="xs" fw={600} c="dimmed">
                Quick ranges
              </Text>
              {presets.map((preset) => (
                <UnstyledButton
                  key={preset.label}
                  onClick={() => onChange(preset.range)}
                  px="xs"
                  py={4}
                  fz="sm"
                  aria-pressed={same(preset.range, value)}
                  style={{
                    borderRadius: "var(--mantine-radius-sm)",
                    background: same(preset.range, value) ? "var(--mantine-color-indigo-light)" : undefined,
                  }}
                >
                  {preset.label}
                </UnstyledButton>
              ))}
            </Stack>
            <Group justify="flex-end">
              <Button size="xs" variant="subtle" color="gray" disabled={!active} onClick={() => onChange({})}>
                Clear
              </Button>
            </Group>
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </Input.Wrapper>
  );
}
