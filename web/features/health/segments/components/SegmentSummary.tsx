import { Group, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import type { SegmentResult } from "../../../../../src/features/health/segments/contract";
import { formatMoney } from "../segment-labels";

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={2}>
      <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz="xl" fw={700}>
        {value}
      </Text>
    </Stack>
  );
}

/** The live count and money totals of the clients the filter keeps. */
export function SegmentSummary({ result }: { result: SegmentResult | undefined }) {
  const others = result?.byCurrency.filter((c) => c.currency !== result.totals.currency) ?? [];
  return (
    <Paper withBorder p="md" aria-live="polite" aria-label="Segment totals">
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Stat label="Clients" value={result ? result.count.toLocaleString() : "…"} />
        <Stat label="ARR" value={result ? formatMoney(result.totals.arrMinor, result.totals.currency) : "…"} />
        <Stat label="MRR" value={result ? formatMoney(result.totals.mrrMinor, result.totals.currency) : "…"} />
        <Stat label="ACV" value={result ? formatMoney(result.totals.acvMinor, result.totals.currency) : "…"} />
      </SimpleGrid>
      {others.length ? (
        <Group gap="md" mt="sm">
          <Text fz="sm" c="dimmed">
            Also in other currencies:
          </Text>
          {others.map((c) => (
            <Text key={c.currency} fz="sm">
              {c.count} {c.count === 1 ? "client" : "clients"}, ARR {formatMoney(c.arrMinor, c.currency)}
            </Text>
          ))}
        </Group>
      ) : null}
    </Paper>
  );
}
