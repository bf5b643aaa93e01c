import { Button } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconArchive, IconArchiveOff } from "@tabler/icons-react";
import type { Client } from "../../../../../src/features/health/clients/contract";
import { ConfirmDialog } from "../../../../ui/ConfirmDialog";
import { useSetClientArchived } from "../queries";

/** Archives a client (after asking) or restores it; managers and above only. */
export function ArchiveClientButton({ orgId, client }: { orgId: string; client: Client }) {
  const setArchived = useSetClientArchived(orgId, client.id);
  const [asking, { open, close }] = useDisclosure(false);
  const apply = (archived: boolean) =>
    setArchived.mutate(archived, {
      onSuccess: (saved) =>
        notifications.show({
          color: "teal",
          message: saved.archived ? `${saved.name} was archived.` : `${saved.name} is back in the list.`,
        }),
      onSettled: close,
    });

  if (client.archived) {
    return (
      <Button
        variant="default"
        leftSection={<IconArchiveOff size={16} aria-hidden />}
        loading={setArchived.isPending}
        onClick={() => apply(false)}
      >
        Unarchive
      </Button>
    );
  }
  return (
    <>
      <Button variant="default" leftSection={<IconArchive size={16} aria-hidden />} onClick={open}>
        Archive
      </Button>
      <ConfirmDialog
        opened={asking}
        title="Archive client"
        confirmLabel="Archive"
        loading={setArchived.isPending}
        onConfirm={() => apply(true)}
        onClose={close}
      >
        {client.name} leaves the clients list and reports. Its history is kept, and you can unarchive it at any time.
      </ConfirmDialog>
    </>
  );
}
