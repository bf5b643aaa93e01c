import { Button, Group, Stack } from "@mantine/core";
import { errorMessage } from "../../../../api/api-error";
import { ErrorAlert } from "../../../../ui/ErrorAlert";

/** The report did not load: say why, retry, or start over from the report's default view. */
export function ReportError({ error, onRetry, onReset }: { error: unknown; onRetry: () => void; onReset: () => void }) {
  return (
    <Stack gap="xs">
      <ErrorAlert title="Could not load the report" message={errorMessage(error)} />
      <Group gap="xs">
        <Button variant="default" size="xs" onClick={onRetry}>
          Try again
        </Button>
        <Button variant="subtle" size="xs" onClick={onReset}>
          Reset the view
        </Button>
      </Group>
    </Stack>
  );
}
