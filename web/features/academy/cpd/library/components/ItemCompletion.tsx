import { Alert, Button, Checkbox, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import type { CompletionResult, LibraryItemDetail } from "../../../../../../src/features/academy/cpd/library/contract";
import { ErrorAlert } from "../../../../../ui/ErrorAlert";
import { formatMinutes } from "../labels";
import { useCompleteItem } from "../queries";

/**
 * How an item joins the CPD record: media when it has played to the end (the player reports it);
 * everything else when the learner confirms they read or used it.
 */
export function ItemCompletion({
  item,
  pathId,
  ended,
}: {
  item: LibraryItemDetail;
  pathId?: string;
  /** The media player fired `ended`. */
  ended: boolean;
}) {
  const complete = useCompleteItem(item.id);
  const [confirmed, setConfirmed] = useState(false);
  const [result, setResult] = useState<CompletionResult | null>(null);
  const send = (evidence: "played_to_end" | "confirmed") =>
    complete.mutate({ evidence, ...(pathId ? { pathId } : {}) }, { onSuccess: setResult });
  const [sentEnd, setSentEnd] = useState(false);
  if (ended && !sentEnd && item.completeBy === "played_to_end" && !item.completedAt) {
    setSentEnd(true);
    send("played_to_end");
  }

  if (result || item.completedAt) {
    const minutes = formatMinutes(result?.minutes ?? item.durationMinutes);
    return (
      <Alert color="teal" variant="light" title="Completed" role="status">
        {result?.added
          ? `${minutes} added to your CPD record${result.source === "paths" ? " as CPD Paths time" : ""}.`
          : `This item is in your CPD record (${minutes}). An item is added once.`}
      </Alert>
    );
  }
  return (
    <Stack gap="sm">
      {complete.isError ? <ErrorAlert message={complete.error.message} /> : null}
      {item.completeBy === "played_to_end" ? (
        <Text size="sm" c="dimmed">
          Play it to the end to add {formatMinutes(item.durationMinutes)} to your CPD record.
        </Text>
      ) : (
        <Group gap="md" align="center">
          <Checkbox
            label={`I have ${item.format === "article" ? "read" : "used"} this item`}
            checked={confirmed}
            onChange={(e) => setConfirmed(e.currentTarget.checked)}
          />
          <Button disabled={!confirmed} loading={complete.isPending} onClick={() => send("confirmed")}>
            Add to my CPD record
          </Button>
        </Group>
      )}
    </Stack>
  );
}
