import { Group, MultiSelect, NumberInput, Select, TagsInput, TextInput } from "@mantine/core";
import { ClientStatus } from "../../../../../src/features/health/clients/contract";
import type { ReportFacets } from "../../../../../src/features/health/reports/contract";
import { STATUS_LABELS } from "../segment-labels";
import { type FilterPartProps, listOrUndefined, numberOrUndefined, toMajor, toMinor } from "./filter-props";

const ARCHIVED_OPTIONS = [
  { value: "exclude", label: "Leave archived clients out" },
  { value: "include", label: "Include archived clients" },
  { value: "only", label: "Only archived clients" },
];

/** Search, client type, CSM, status, tags, client since, ARR and archived. */
export function ClientFieldFilters({ filter, onChange, facets }: FilterPartProps & { facets?: ReportFacets }) {
  const csmOptions = [
    { value: "unassigned", label: "Unassigned" },
    ...(facets?.csms ?? []).map((c) => ({ value: c.id, label: c.name })),
  ];
  return (
    <>
      <TextInput
        label="Search"
        description="Name, external id, client type or tag"
        value={filter.q ?? ""}
        onChange={(e) => onChange({ q: e.currentTarget.value || undefined })}
      />
      <MultiSelect
        label="Client type"
        data={[...new Set([...(facets?.clientTypes ?? []), ...(filter.clientTypes ?? [])])]}
        value={filter.clientTypes ?? []}
        onChange={(v) => onChange({ clientTypes: listOrUndefined(v) })}
        searchable
        clearable
      />
      <MultiSelect
        label="Assigned CSM"
        data={csmOptions}
        value={filter.assignedTo ?? []}
        onChange={(v) => onChange({ assignedTo: listOrUndefined(v) })}
        searchable
        clearable
      />
      <MultiSelect
        label="Status"
        data={ClientStatus.options.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
        value={filter.statuses ?? []}
        onChange={(v) => onChange({ statuses: listOrUndefined(v as typeof ClientStatus.options) })}
        clearable
      />
      <TagsInput
        label="Tags"
        description="Clients with any of these tags"
        value={filter.tags ?? []}
        onChange={(v) => onChange({ tags: listOrUndefined(v) })}
        clearable
      />
      <Group grow align="flex-start">
        <TextInput
          type="date"
          label="Client since, from"
          value={filter.clientSinceFrom ?? ""}
          onChange={(e) => onChange({ clientSinceFrom: e.currentTarget.value || undefined })}
        />
        <TextInput
          type="date"
          label="to"
          value={filter.clientSinceTo ?? ""}
          onChange={(e) => onChange({ clientSinceTo: e.currentTarget.value || undefined })}
        />
      </Group>
      <Group grow align="flex-start">
        <NumberInput
          label="ARR at least"
          min={0}
          decimalScale={2}
          thousandSeparator=","
          value={toMajor(filter.arrMin)}
          onChange={(v) => onChange({ arrMin: toMinor(numberOrUndefined(v)) })}
        />
        <NumberInput
          label="ARR at most"
          min={0}
          decimalScale={2}
          thousandSeparator=","
          value={toMajor(filter.arrMax)}
          onChange={(v) => onChange({ arrMax: toMinor(numberOrUndefined(v)) })}
        />
      </Group>
      <Select
        label="Archived clients"
        data={ARCHIVED_OPTIONS}
        value={filter.archived ?? "exclude"}
        onChange={(v) => onChange({ archived: v === "exclude" || !v ? undefined : (v as "include" | "only") })}
        allowDeselect={false}
      />
    </>
  );
}
