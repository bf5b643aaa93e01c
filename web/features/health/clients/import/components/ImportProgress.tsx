import { Progress, Stack, Text } from "@mantine/core";
import type { ImportJob } from "../../../../../../src/features/health/clients/import/contract";

const count = (n: number) => n.toLocaleString();

function describe(job: ImportJob) {
  switch (job.status) {
    case "queued":
      return `Waiting to start on ${count(job.totalRows)} rows…`;
    case "validating":
      return `Checking rows: ${count(job.processedRows)} of ${count(job.totalRows)}`;
    case "writing":
      return `Saving in batches: ${count(job.processedRows)} of ${count(job.totalRows)} rows saved`;
    default:
      return job.status === "done" ? "Done." : "Stopped.";
  }
}

/**
 * A large import's real progress (polled): every row is checked first, then rows are saved in batches,
 * each batch committed with its progress (after a server restart the import resumes from the last one).
 */
export function ImportProgress({ job }: { job: ImportJob }) {
  const label = describe(job);
  return (
    <Stack gap={4} role="status" aria-label="Import progress">
      <Progress value={job.percent} size="lg" aria-label={`${job.dryRun ? "Dry run" : "Import"} ${job.percent}%`} />
      <Text fz="sm" c="dimmed">
        {label} ({job.percent}%)
      </Text>
    </Stack>
  );
}
