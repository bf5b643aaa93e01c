import { Alert, Group, ScrollArea, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle } from "@tabler/icons-react";
import type { ImportReport } from "../../../../../../src/features/health/clients/import/contract";

function Count({ label, value }: { label: string; value: number }) {
  return (
    <Stack gap={0}>
      <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz="lg" fw={700}>
        {value.toLocaleString()}
      </Text>
    </Stack>
  );
}

const HEADLINES: Record<ImportReport["outcome"], (r: ImportReport) => string> = {
  dry_run: (r) =>
    r.invalidRows === 0
      ? `Dry run: all ${r.totalRows} rows are valid. Nothing was saved yet.`
      : `Dry run: ${r.invalidRows} of ${r.totalRows} rows need fixing. Nothing was saved yet.`,
  imported: (r) =>
    r.invalidRows === 0
      ? `Imported all ${r.totalRows} rows.`
      : `Imported the ${r.validRows} valid rows; ${r.invalidRows} rows were left out (listed below).`,
  rejected: (r) => `Nothing was imported: ${r.invalidRows} rows have errors. Fix them, or import only the valid rows.`,
};

/** What a dry run found or an import did, with every refused row's column and reason. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const tone = report.outcome === "rejected" ? "red" : report.invalidRows ? "orange" : "teal";
  const Icon =
    report.outcome === "dry_run" ? IconInfoCircle : report.outcome === "rejected" ? IconAlertTriangle : IconCircleCheck;
  const verb = report.outcome === "dry_run" ? "Would be " : "";
  return (
    <Stack aria-live="polite">
      <Alert color={tone} variant="light" icon={<Icon size={18} aria-hidden />} role="status">
        {HEADLINES[report.outcome](report)}
      </Alert>
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        <Count label="Rows" value={report.totalRows} />
        <Count label="With errors" value={report.invalidRows} />
        <Count label={`${verb}created`} value={report.created} />
        <Count label={`${verb}updated`} value={report.updated} />
        <Count label="Unchanged" value={report.unchanged} />
      </SimpleGrid>
      {report.errors.length ? (
        <ScrollArea.Autosize mah={420}>
          <Table striped stickyHeader aria-label="Rows with errors">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Row</Table.Th>
                <Table.Th>Column</Table.Th>
                <Table.Th>Reason</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.errors.map((e) => (
                <Table.Tr key={`${e.row}-${e.column}-${e.reason}`}>
                  <Table.Td>{e.row}</Table.Td>
                  <Table.Td>{e.column}</Table.Td>
                  <Table.Td>{e.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      ) : null}
      {report.errorsTruncated ? (
        <Group>
          <Text fz="sm" c="dimmed">
            Only the first {report.errors.length} errors are listed.
          </Text>
        </Group>
      ) : null}
    </Stack>
  );
}
