import { Group, Progress, Stack, Text } from "@mantine/core";
import type { SuccessScoreView } from "../../../../../src/features/health/pulses/contract";
import { CHART_PALETTE } from "../../../../ui/charts/chart-palette";
import { humanize } from "../score-display";

type Components = SuccessScoreView["components"];

/** Each component's contribution to the 0-100 score as a bar, with its value and share of the weight. */
export function ScoreComponentBars({ components }: { components: Components }) {
  return (
    <Stack gap="sm">
      {components.map((component, index) => {
        const label = humanize(component.label);
        const weight = Math.round(component.weight * 100);
        return (
          <Stack key={component.key} gap={4}>
            <Group justify="space-between" gap="xs">
              <Text fz="sm" fw={600}>
                {label}
              </Text>
              <Text fz="sm" style={{ fontVariantNumeric: "tabular-nums" }}>
                {component.contribution.toFixed(1)} pts
              </Text>
            </Group>
            <Progress
              value={component.contribution}
              color={CHART_PALETTE[index % CHART_PALETTE.length]}
              size="md"
              radius="sm"
              aria-label={`${label} contributes ${component.contribution.toFixed(1)} of 100 points`}
            />
            <Text fz="xs" c="dimmed">
              Value {component.value.toFixed(0)} of 100 × {weight}% of the weight
            </Text>
          </Stack>
        );
      })}
    </Stack>
  );
}
