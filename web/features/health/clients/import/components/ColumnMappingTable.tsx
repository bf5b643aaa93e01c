import { Select, Table, Text } from "@mantine/core";
import {
  CLIENT_IMPORT_FIELDS,
  IMPORT_FIELD_LABELS,
  type ImportReport,
  USAGE_IMPORT_FIELDS,
} from "../../../../../../src/features/health/clients/import/contract";
import type { ImportKind } from "../queries";

const IGNORE = "ignore";

type ColumnMappingTableProps = {
  kind: ImportKind;
  columns: ImportReport["columns"];
  mapping: Record<string, string>;
  onChange: (mapping: Record<string, string>) => void;
};

/** One row per CSV column: which Pulse field it fills, or "Don't import". */
export function ColumnMappingTable({ kind, columns, mapping, onChange }: ColumnMappingTableProps) {
  const fields = kind === "clients" ? CLIENT_IMPORT_FIELDS : USAGE_IMPORT_FIELDS;
  const taken = new Set(Object.values(mapping).filter((f) => f !== IGNORE));
  return (
    <Table>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Column in the file</Table.Th>
          <Table.Th>Imported as</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {columns.map(({ column }) => {
          const value = mapping[column] ?? IGNORE;
          return (
            <Table.Tr key={column}>
              <Table.Td>
                <Text fz="sm" fw={500}>
                  {column}
                </Text>
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={`Import "${column}" as`}
                  size="xs"
                  allowDeselect={false}
                  value={value}
                  onChange={(next) => onChange({ ...mapping, [column]: next ?? IGNORE })}
                  data={[
                    { value: IGNORE, label: "Don't import" },
                    ...fields.map((f) => ({
                      value: f,
                      label: IMPORT_FIELD_LABELS[f],
                      disabled: taken.has(f) && value !== f,
                    })),
                  ]}
                />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
