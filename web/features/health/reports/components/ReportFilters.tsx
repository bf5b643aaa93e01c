import {
  Badge,
  Button,
  CloseButton,
  Group,
  MultiSelect,
  Paper,
  Pill,
  SimpleGrid,
  Text,
  TextInput,
} from "@mantine/core";
import { IconFilter, IconFilterOff } from "@tabler/icons-react";
import type { ReactNode } from "react";
import type { ReportFacets } from "../../../../../src/features/health/reports/contract";
import { CLIENT_STATUS_LABELS, CLIENT_STATUSES } from "../../clients/client-status-display";
import { PULSE_LEVEL_LABELS, PULSE_LEVELS } from "../../pulses/pulse-level-display";
import { clientSincePresets, renewalPresets, updatedPresets } from "../report-dates";
import { activeFilterCount, joinList, type ReportSearch, splitList } from "../report-search";
import { DateRangeFilter } from "./DateRangeFilter";

type ReportFiltersProps = {
  search: ReportSearch;
  facets: ReportFacets | undefined;
  /** Today where the person is ("YYYY-MM-DD"), for quick ranges and the latest "as of". */
  today: string;
  onChange: (patch: Partial<ReportSearch>) => void;
  onClear: () => void;
  /** The reasons report filters by pulse level; the health report narrows by clicking its chart. */
  withLevels?: boolean;
  /** The measure and chart-type toggles. */
  toggles: ReactNode;
};

type Option = { value: string; label: string };

/** Options plus any value from the URL that the organization no longer has, so nothing selected is hidden. */
const withSelected = (options: Option[], selected: string[]): Option[] => [
  ...options,
  ...selected.filter((v) => !options.some((o) => o.value === v)).map((v) => ({ value: v, label: v })),
];

const LEVEL_OPTIONS: Option[] = [
  ...PULSE_LEVELS.map((level) => ({ value: level, label: PULSE_LEVEL_LABELS[level] })),
  { value: "none", label: "No pulse yet" },
];
const STATUS_OPTIONS: Option[] = CLIENT_STATUSES.map((s) => ({ value: s, label: CLIENT_STATUS_LABELS[s] }));

/** Seed 001's report filters: client type, assigned to, status, client since, next renewal, last updated, "as of". */
export function ReportFilters({ search, facets, today, onChange, onClear, withLevels, toggles }: ReportFiltersProps) {
  const count = activeFilterCount(withLevels ? search : { ...search, levels: undefined });
  const multi = (key: "clientTypes" | "assignedTo" | "statuses" | "levels", label: string, options: Option[]) => {
    const selected = splitList(search[key]);
    return (
      <MultiSelect
        label={label}
        placeholder={selected.length ? undefined : "All"}
        data={withSelected(options, selected)}
        value={selected}
        onChange={(values) => onChange({ [key]: joinList(values) })}
        searchable
        clearable
        nothingFoundMessage="Nothing matches"
        maxDropdownHeight={280}
        comboboxProps={{ shadow: "md" }}
        styles={{ pillsList: { flexWrap: "nowrap" }, inputField: { minWidth: 24 } }}
        // One pill and "+N": the filters stay one row high however many values are picked.
        renderPill={({ option, value, onRemove }) => {
          const index = selected.indexOf(String(value));
          if (index === 0) {
            return (
              <Pill withRemoveButton onRemove={onRemove} removeButtonProps={{ "aria-label": `Remove ${option.label}` }}>
                {option.label}
              </Pill>
            );
          }
          return index === 1 ? (
            <Pill title={`${selected.length - 1} more selected`}>+{selected.length - 1}</Pill>
          ) : null;
        }}
      />
    );
  };
  const csmOptions: Option[] = [
    { value: "unassigned", label: "Unassigned" },
    ...(facets?.csms ?? []).map((c) => ({ value: c.id, label: c.name })),
  ];
  return (
    <Paper withBorder p="md" component="section" aria-label="Report filters">
      <Group justify="space-between" gap="sm" mb="sm">
        <Group gap="xs">
          <IconFilter size={18} aria-hidden />
          <Text fw={600}>Filters</Text>
          {count > 0 ? (
            <Badge size="sm" variant="light" circle aria-label={`${count} active`}>
              {count}
            </Badge>
          ) : null}
          {count > 0 ? (
            <Button
              size="compact-sm"
              variant="subtle"
              color="gray"
              leftSection={<IconFilterOff size={14} aria-hidden />}
              onClick={onClear}
            >
              Clear filters
            </Button>
          ) : null}
        </Group>
        <Group gap="sm">{toggles}</Group>
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="sm">
        {withLevels ? multi("levels", "Pulse", LEVEL_OPTIONS) : null}
        {multi(
          "clientTypes",
          "Client type",
          (facets?.clientTypes ?? []).map((t) => ({ value: t, label: t })),
        )}
        {multi("assignedTo", "Assigned to", csmOptions)}
        {multi("statuses", "Status", STATUS_OPTIONS)}
        <DateRangeFilter
          label="Client since"
          value={{ from: search.clientSinceFrom, to: search.clientSinceTo }}
          onChange={({ from, to }) => onChange({ clientSinceFrom: from, clientSinceTo: to })}
          presets={clientSincePresets(today)}
        />
        <DateRangeFilter
          label="Next renewal"
          value={{ from: search.renewalFrom, to: search.renewalTo }}
          onChange={({ from, to }) => onChange({ renewalFrom: from, renewalTo: to })}
          presets={renewalPresets(today)}
        />
        <DateRangeFilter
          label="Last updated (pulse)"
          value={{ from: search.updatedFrom, to: search.updatedTo }}
          onChange={({ from, to }) => onChange({ updatedFrom: from, updatedTo: to })}
          presets={updatedPresets(today)}
        />
        <TextInput
          type="date"
          label="Pulse as of"
          description={undefined}
          value={search.asOf ?? ""}
          max={today}
          onChange={(event) => onChange({ asOf: event.currentTarget.value || undefined })}
          rightSectionPointerEvents="all"
          rightSection={
            search.asOf ? (
              <CloseButton size="sm" aria-label="Back to today" onClick={() => onChange({ asOf: undefined })} />
            ) : null
          }
        />
      </SimpleGrid>
    </Paper>
  );
}
