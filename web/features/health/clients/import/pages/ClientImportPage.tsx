import {
  Button,
  FileInput,
  Group,
  Paper,
  Progress,
  Radio,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconFileTypeCsv, IconUpload } from "@tabler/icons-react";
import { useState } from "react";
import {
  type ImportJob,
  type ImportMode,
  type ImportReport,
  MAX_IMPORT_ROWS,
  SYNC_IMPORT_ROWS,
} from "../../../../../../src/features/health/clients/import/contract";
import { errorMessage } from "../../../../../api/api-error";
import { ErrorAlert } from "../../../../../ui/ErrorAlert";
import { PageHeader } from "../../../../../ui/PageHeader";
import { useSignedInMe } from "../../../../accounts/identity/queries";
import { activeMembership } from "../../../../accounts/organizations/active-membership";
import { ColumnMappingTable } from "../components/ColumnMappingTable";
import { ImportProgress } from "../components/ImportProgress";
import { ImportReportView } from "../components/ImportReportView";
import { type ImportKind, useRunImport } from "../queries";

const KIND_HINTS: Record<ImportKind, string> = {
  clients:
    "One client per row. Rows whose external id matches a client update it (ARR, type, CSM and status changes are dated in its history); other rows create clients. Empty cells leave a field as it is. Money in major units (12500.00), the CSM by email, dates as YYYY-MM-DD or a common format.",
  usage:
    "One figure per row: client external id, metric (e.g. weekly_active_users), week start and value. A figure given again for the same client, metric and week replaces the old value.",
};

const mappingOf = (columns: ImportReport["columns"]) =>
  Object.fromEntries(columns.map((c) => [c.column, c.field ?? "ignore"]));

/** Upload a CSV, map its columns, check it with a dry run, then import it. */
export function ClientImportPage() {
  const me = useSignedInMe();
  const orgId = activeMembership(me)?.id ?? "";
  const [kind, setKind] = useState<ImportKind>("clients");
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<Record<string, string> | null>(null);
  const [mode, setMode] = useState<ImportMode>("all_or_nothing");
  const [dateOrder, setDateOrder] = useState<"mdy" | "dmy">("mdy");
  const [report, setReport] = useState<ImportReport | null>(null);
  /** The mapping and date order the last dry run checked: importing needs a check of what will be sent. */
  const [checkedKey, setCheckedKey] = useState<string | null>(null);
  /** A large file's job while it runs (polled for its progress). */
  const [job, setJob] = useState<ImportJob | null>(null);
  const run = useRunImport(orgId, setJob);

  const submit = async (dryRun: boolean, chosen: File | null = file, withMapping = mapping) => {
    if (!chosen) return;
    const result = await run.mutateAsync({
      kind,
      file: chosen,
      mode,
      dryRun,
      dateOrder,
      mapping: withMapping ?? undefined,
    });
    setReport(result);
    const sentMapping = withMapping ?? mappingOf(result.columns);
    if (!withMapping) setMapping(sentMapping);
    setCheckedKey(dryRun ? JSON.stringify([sentMapping, dateOrder]) : null);
    if (result.outcome === "imported") {
      notifications.show({ color: "teal", message: `Imported ${result.validRows} rows.` });
    }
  };
  const reset = (nextKind: ImportKind, nextFile: File | null) => {
    setKind(nextKind);
    setFile(nextFile);
    setMapping(null);
    setReport(null);
    setCheckedKey(null);
    run.reset();
  };

  const checked = report?.outcome === "dry_run" && checkedKey === JSON.stringify([mapping, dateOrder]);
  const canImport = checked && (mode === "valid_rows_only" ? report.validRows > 0 : report.invalidRows === 0);
  return (
    <>
      <PageHeader
        title="Import from CSV"
        description={`Up to ${MAX_IMPORT_ROWS.toLocaleString()} rows a file. A dry run checks every row and saves nothing. Files over ${SYNC_IMPORT_ROWS.toLocaleString()} rows run in the background with a progress bar: every row is checked before the first is saved, then rows are saved in batches; if the server stops, the import resumes from its last saved batch.`}
      />
      <Stack maw={960}>
        <Paper withBorder p="lg" component="section" aria-labelledby="import-file-title">
          <Stack>
            <Title order={2} fz="lg" id="import-file-title">
              1. Choose the file
            </Title>
            <SegmentedControl
              aria-label="What the file holds"
              value={kind}
              onChange={(v) => reset(v as ImportKind, null)}
              data={[
                { value: "clients", label: "Clients" },
                { value: "usage", label: "Usage figures" },
              ]}
            />
            <Text fz="sm" c="dimmed">
              {KIND_HINTS[kind]}
            </Text>
            <FileInput
              label="CSV file"
              placeholder="Choose a .csv file"
              accept=".csv,text/csv"
              leftSection={<IconFileTypeCsv size={16} aria-hidden />}
              value={file}
              clearable
              clearButtonProps={{ "aria-label": "Clear the chosen file" }}
              onChange={(next) => {
                reset(kind, next);
                if (next) void submit(true, next, null).catch(() => undefined);
              }}
            />
          </Stack>
        </Paper>

        {run.isPending && job ? <ImportProgress job={job} /> : null}
        {run.isPending && !job ? (
          <Stack gap={4} role="status" aria-label="Working on the file">
            <Progress value={100} animated striped />
            <Text fz="sm" c="dimmed">
              {run.variables?.dryRun
                ? `Checking ${file?.name ?? "the file"}…`
                : `Importing ${report?.validRows.toLocaleString() ?? ""} rows…`}
            </Text>
          </Stack>
        ) : null}
        <ErrorAlert message={run.error ? errorMessage(run.error) : null} title="The file could not be read" />

        {mapping && report ? (
          <Paper withBorder p="lg" component="section" aria-labelledby="import-mapping-title">
            <Stack>
              <Title order={2} fz="lg" id="import-mapping-title">
                2. Map the columns and check
              </Title>
              <ColumnMappingTable kind={kind} columns={report.columns} mapping={mapping} onChange={setMapping} />
              <Group align="flex-end" gap="xl">
                <Radio.Group label="When some rows have errors" value={mode} onChange={(v) => setMode(v as ImportMode)}>
                  <Stack gap={6} mt={6}>
                    <Radio value="all_or_nothing" label="Import nothing until every row is valid" />
                    <Radio value="valid_rows_only" label="Import the valid rows, list the others" />
                  </Stack>
                </Radio.Group>
                <Select
                  label="Dates like 03/04/2027 mean"
                  data={[
                    { value: "mdy", label: "Month/day (US)" },
                    { value: "dmy", label: "Day/month" },
                  ]}
                  value={dateOrder}
                  onChange={(v) => setDateOrder(v === "dmy" ? "dmy" : "mdy")}
                  allowDeselect={false}
                  w={200}
                />
              </Group>
              <Group>
                <Button
                  variant="default"
                  onClick={() => void submit(true).catch(() => undefined)}
                  loading={run.isPending}
                >
                  Check again (dry run)
                </Button>
                <Button
                  leftSection={<IconUpload size={16} aria-hidden />}
                  onClick={() => void submit(false).catch(() => undefined)}
                  disabled={!canImport || run.isPending}
                >
                  {checked && mode === "valid_rows_only" && report.invalidRows > 0
                    ? `Import ${report.validRows} valid rows`
                    : "Import"}
                </Button>
              </Group>
              {!checked && report.outcome !== "imported" ? (
                <Text fz="sm" c="dimmed">
                  Run a dry run with the current mapping before importing.
                </Text>
              ) : null}
            </Stack>
          </Paper>
        ) : null}

        {report ? (
          <Paper withBorder p="lg" component="section" aria-labelledby="import-report-title">
            <Stack>
              <Title order={2} fz="lg" id="import-report-title">
                {report.outcome === "dry_run" ? "3. Dry run report" : "Import report"}
              </Title>
              <ImportReportView report={report} />
            </Stack>
          </Paper>
        ) : null}
      </Stack>
    </>
  );
}
