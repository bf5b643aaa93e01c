import { ActionIcon, Button, Group, NumberInput, Stack, Text, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import type { FormulaValues } from "../formula-form";

/** Imported metrics in the formula: name, weight, and the range mapped onto 0-100. */
export function MetricRowsField({ form }: { form: UseFormReturnType<FormulaValues> }) {
  return (
    <Stack gap="xs">
      <Text fz="sm" fw={600}>
        Imported metrics
      </Text>
      {form.values.metrics.length === 0 ? (
        <Text fz="sm" c="dimmed">
          None. Add a metric you import per client (for example NPS) to make it part of the score.
        </Text>
      ) : null}
      {form.values.metrics.map((_row, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; they are edited in place
        <Group key={index} align="flex-start" gap="xs" wrap="nowrap">
          <TextInput
            label="Metric"
            placeholder="nps"
            style={{ flex: 2 }}
            {...form.getInputProps(`metrics.${index}.name`)}
          />
          <NumberInput
            label="Weight"
            min={0}
            max={100}
            hideControls
            style={{ flex: 1 }}
            {...form.getInputProps(`metrics.${index}.weight`)}
          />
          <NumberInput
            label="Worst value"
            hideControls
            style={{ flex: 1 }}
            {...form.getInputProps(`metrics.${index}.min`)}
          />
          <NumberInput
            label="Best value"
            hideControls
            style={{ flex: 1 }}
            {...form.getInputProps(`metrics.${index}.max`)}
          />
          <ActionIcon
            variant="subtle"
            color="red.8"
            mt={28}
            onClick={() => form.removeListItem("metrics", index)}
            aria-label={`Remove metric ${index + 1}`}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => form.insertListItem("metrics", { name: "", weight: 10, min: 0, max: 100 })}
        >
          Add metric
        </Button>
      </Group>
    </Stack>
  );
}
