import { Button, Divider, Paper, Stack, Title } from "@mantine/core";
import type { ReasonCode } from "../../../../../src/features/health/pulses/contract";
import type { ReportFacets } from "../../../../../src/features/health/reports/contract";
import type { SegmentResult } from "../../../../../src/features/health/segments/contract";
import { ClientFieldFilters } from "./ClientFieldFilters";
import type { FilterPartProps } from "./filter-props";
import { HealthFilters } from "./HealthFilters";
import { RenewalFilter } from "./RenewalFilter";

type SegmentFilterFormProps = FilterPartProps & {
  facets?: ReportFacets;
  reasonCodes: ReasonCode[];
  resolved?: SegmentResult["resolved"];
  onClear: () => void;
};

/** Every filter of a segment; parts combine with AND, the values of one part with OR. */
export function SegmentFilterForm({
  filter,
  onChange,
  facets,
  reasonCodes,
  resolved,
  onClear,
}: SegmentFilterFormProps) {
  const empty = Object.keys(filter).length === 0;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="segment-filters-title">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="segment-filters-title">
          Filters
        </Title>
        <HealthFilters filter={filter} onChange={onChange} reasonCodes={reasonCodes} />
        <Divider />
        <RenewalFilter filter={filter} onChange={onChange} resolved={resolved} />
        <Divider />
        <ClientFieldFilters filter={filter} onChange={onChange} facets={facets} />
        <Button variant="subtle" onClick={onClear} disabled={empty}>
          Clear filters
        </Button>
      </Stack>
    </Paper>
  );
}
