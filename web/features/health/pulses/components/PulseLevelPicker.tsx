import { Box, Group, Input, Radio, SimpleGrid, Text } from "@mantine/core";
import { PULSE_LEVEL_COLORS, PULSE_LEVEL_LABELS, PULSE_LEVELS, type PulseLevelValue } from "../pulse-level-display";

type PulseLevelPickerProps = {
  value: PulseLevelValue | null;
  onChange: (level: PulseLevelValue) => void;
  error?: React.ReactNode;
};

/** The six levels as radio cards, worst to best, each in its color. */
export function PulseLevelPicker({ value, onChange, error }: PulseLevelPickerProps) {
  return (
    <Radio.Group
      value={value}
      onChange={(next) => onChange(next as PulseLevelValue)}
      label="Pulse level"
      withAsterisk
      error={error}
    >
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs" mt={6}>
        {PULSE_LEVELS.map((level) => {
          const selected = value === level;
          const color = PULSE_LEVEL_COLORS[level].hex;
          return (
            <Radio.Card
              key={level}
              value={level}
              radius="md"
              p="sm"
              style={{
                borderColor: selected ? color : undefined,
                borderWidth: selected ? 2 : 1,
                background: selected ? `color-mix(in srgb, ${color} 12%, white)` : undefined,
              }}
            >
              <Group gap="xs" wrap="nowrap">
                <Box w={12} h={12} style={{ borderRadius: 999, background: color, flexShrink: 0 }} aria-hidden />
                <Text fz="sm" fw={selected ? 700 : 500}>
                  {PULSE_LEVEL_LABELS[level]}
                </Text>
              </Group>
            </Radio.Card>
          );
        })}
      </SimpleGrid>
      {error ? null : (
        <Input.Description mt={6}>Severe Risk means the client has said they want to leave.</Input.Description>
      )}
    </Radio.Group>
  );
}
