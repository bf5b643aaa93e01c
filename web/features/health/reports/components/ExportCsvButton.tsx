import { Button } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDownload } from "@tabler/icons-react";
import { useEffect, useRef, useState } from "react";
import { errorMessage } from "../../../../api/api-error";
import { fetchAllReportClients, type ReportKind } from "../queries";
import { downloadText, reportClientsCsv } from "../report-csv";
import type { MoneyMetric } from "../report-measure";
import type { ReportQuery } from "../report-search";

type ExportCsvButtonProps = {
  orgId: string;
  kind: ReportKind;
  /** The report view's query; every page of its client list is exported. */
  query: ReportQuery;
  moneyColumn: MoneyMetric;
  fileName: string;
  disabled?: boolean;
};

/** Downloads the report's whole filtered client list as CSV, read page by page, with progress. */
export function ExportCsvButton({ orgId, kind, query, moneyColumn, fileName, disabled }: ExportCsvButtonProps) {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const run = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ done: 0, total: 0 });
    try {
      const clients = await fetchAllReportClients(
        orgId,
        kind,
        query,
        (done, total) => setProgress({ done, total }),
        controller.signal,
      );
      downloadText(fileName, reportClientsCsv(clients, moneyColumn));
    } catch (error) {
      if (!controller.signal.aborted) {
        notifications.show({ color: "red", title: "The export failed", message: errorMessage(error) });
      }
    } finally {
      setProgress(null);
    }
  };

  const busy = progress !== null;
  return (
    <Button
      variant="default"
      size="sm"
      leftSection={<IconDownload size={16} aria-hidden />}
      onClick={run}
      loading={busy && progress.total === 0}
      disabled={disabled || busy}
      aria-live="polite"
    >
      {busy && progress.total > 0 ? `Exporting ${progress.done} of ${progress.total}…` : "Export CSV"}
    </Button>
  );
}
