import { Button, Group, Switch, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import type { ReasonCode } from "../../../../../src/features/health/pulses/contract";
import { errorMessage } from "../../../../api/api-error";
import { ConfirmDialog } from "../../../../ui/ConfirmDialog";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { LoadingBlock } from "../../../../ui/LoadingBlock";
import { SectionCard } from "../../../../ui/SectionCard";
import { useReasonCodes, useRemoveReasonCode, useUpdateReasonCode } from "../queries";
import { ReasonCodeModal } from "./ReasonCodeModal";
import { ReasonCodesTable } from "./ReasonCodesTable";

/** Admins edit the organization's reason codes: add, rename, recategorize, retire, delete unused ones. */
export function ReasonCodesCard({ orgId }: { orgId: string }) {
  const codes = useReasonCodes(orgId);
  const update = useUpdateReasonCode(orgId);
  const remove = useRemoveReasonCode(orgId);
  const [filter, setFilter] = useState("");
  const [showRetired, setShowRetired] = useState(false);
  const [dialog, setDialog] = useState<{ editing: ReasonCode | null } | null>(null);
  const [deleting, setDeleting] = useState<ReasonCode | null>(null);

  const all = codes.data ?? [];
  const needle = filter.trim().toLowerCase();
  const shown = all
    .filter((code) => showRetired || !code.retired)
    .filter((code) => !needle || `${code.label} ${code.code} ${code.category}`.toLowerCase().includes(needle))
    .sort((a, b) => a.category.localeCompare(b.category) || a.label.localeCompare(b.label));
  const categories = [...new Set(all.map((code) => code.category))].sort();

  const setRetired = (code: ReasonCode, retired: boolean) =>
    update.mutate(
      { id: code.id, retired },
      {
        onSuccess: () =>
          notifications.show({
            color: "teal",
            message: retired
              ? `“${code.label}” is retired: history keeps it, new pulses cannot use it.`
              : `“${code.label}” is back in use.`,
          }),
        onError: (error) =>
          notifications.show({ color: "red", title: "That didn't work", message: errorMessage(error) }),
      },
    );
  const confirmDelete = () => {
    if (!deleting) return;
    remove.mutate(deleting.id, {
      onSuccess: ({ result }) =>
        notifications.show({
          color: "teal",
          message:
            result === "deleted"
              ? `“${deleting.label}” was deleted.`
              : `“${deleting.label}” was used meanwhile, so it was retired instead.`,
        }),
      onSettled: () => setDeleting(null),
    });
  };

  return (
    <SectionCard
      title="Reason codes"
      description="The reasons CSMs give with a pulse. A code that was ever used is retired rather than deleted, so history keeps its meaning."
      actions={
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog({ editing: null })}>
          Add reason code
        </Button>
      }
    >
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end" gap="lg">
          <TextInput
            label="Filter"
            placeholder="Label, code or category"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={filter}
            onChange={(event) => setFilter(event.currentTarget.value)}
            w={260}
          />
          <Switch
            label="Show retired"
            checked={showRetired}
            onChange={(event) => setShowRetired(event.currentTarget.checked)}
            mb={8}
          />
        </Group>
        <Text fz="sm" c="dimmed" role="status">
          {codes.data ? `${shown.length} of ${all.length} codes` : ""}
        </Text>
      </Group>
      {codes.isPending ? <LoadingBlock label="Loading reason codes" /> : null}
      <ErrorAlert message={codes.error ? errorMessage(codes.error) : null} title="Could not load reason codes" />
      {codes.data ? (
        <ReasonCodesTable
          codes={shown}
          onEdit={(code) => setDialog({ editing: code })}
          onSetRetired={setRetired}
          onDelete={setDeleting}
        />
      ) : null}
      <ReasonCodeModal
        orgId={orgId}
        opened={dialog !== null}
        editing={dialog?.editing ?? null}
        categories={categories}
        onClose={() => setDialog(null)}
      />
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete reason code"
        confirmLabel="Delete"
        loading={remove.isPending}
        onConfirm={confirmDelete}
        onClose={() => setDeleting(null)}
      >
        {deleting ? `“${deleting.label}” has never been used and will be removed from the list.` : ""}
      </ConfirmDialog>
    </SectionCard>
  );
}
