import { Group, Pagination, Paper, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import type { OutboxMessage } from "../../../../../src/features/admin/contract";
import { errorMessage } from "../../../../api/api-error";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { LoadingBlock } from "../../../../ui/LoadingBlock";
import { NotFoundView } from "../../../../ui/NotFoundView";
import { PageHeader } from "../../../../ui/PageHeader";
import { useSignedInMe } from "../../../accounts/identity/queries";
import { MessageDrawer } from "../components/MessageDrawer";
import { OutboxTable } from "../components/OutboxTable";
import { useOutbox } from "../queries";

const PAGE_SIZE = 25;

export function OutboxPage() {
  const me = useSignedInMe();
  if (!me.user.isPlatformAdmin) {
    return <NotFoundView title="Admins only" message="The outbox is only available to platform administrators." />;
  }
  return <Outbox timeZone={me.user.timeZone} />;
}

function Outbox({ timeZone }: { timeZone: string }) {
  const [recipient, setRecipient] = useState("");
  const [to] = useDebouncedValue(recipient.trim(), 300);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<OutboxMessage | null>(null);
  const outbox = useOutbox({ to, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const total = outbox.data?.total ?? 0;

  return (
    <>
      <PageHeader
        title="Outbox"
        description="Every email Pulse has sent or stored. Open a message to read it and follow its links."
      />
      <Paper withBorder p="lg">
        <Stack gap="md">
          <Group justify="space-between" align="flex-end">
            <TextInput
              label="Filter by recipient"
              placeholder="name@company.com"
              leftSection={<IconSearch size={16} aria-hidden />}
              value={recipient}
              onChange={(event) => {
                setRecipient(event.currentTarget.value);
                setPage(1);
              }}
              w={320}
            />
            <Text fz="sm" c="dimmed" role="status">
              {outbox.data ? `${total} ${total === 1 ? "message" : "messages"}` : ""}
            </Text>
          </Group>
          {outbox.isPending ? <LoadingBlock label="Loading messages" /> : null}
          <ErrorAlert message={outbox.error ? errorMessage(outbox.error) : null} title="Could not load the outbox" />
          {outbox.data && outbox.data.messages.length === 0 ? (
            <Text c="dimmed" ta="center" py="xl">
              {to ? `No messages to "${to}".` : "No messages yet."}
            </Text>
          ) : null}
          {outbox.data && outbox.data.messages.length > 0 ? (
            <OutboxTable messages={outbox.data.messages} timeZone={timeZone} onOpen={setOpen} />
          ) : null}
          {total > PAGE_SIZE ? (
            <Group justify="flex-end">
              <Pagination
                total={Math.ceil(total / PAGE_SIZE)}
                value={page}
                onChange={setPage}
                aria-label="Outbox pages"
              />
            </Group>
          ) : null}
        </Stack>
      </Paper>
      <MessageDrawer message={open} timeZone={timeZone} onClose={() => setOpen(null)} />
    </>
  );
}
