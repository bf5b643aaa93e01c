import { Button } from "@mantine/core";
import { errorMessage } from "../../../../api/api-error";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { LoadingBlock } from "../../../../ui/LoadingBlock";
import { SectionCard } from "../../../../ui/SectionCard";
import { useInbox, useMarkAllRead } from "../queries";
import { InboxList } from "./InboxList";

/** The person's whole inbox in this organization. */
export function InboxSection({ orgId, timeZone }: { orgId: string; timeZone: string }) {
  const inbox = useInbox(orgId);
  const markAll = useMarkAllRead(orgId);
  const unread = inbox.data?.unreadCount ?? 0;
  return (
    <SectionCard
      title="Inbox"
      description={inbox.data ? `${unread} unread` : undefined}
      actions={
        <Button variant="light" disabled={unread === 0} loading={markAll.isPending} onClick={() => markAll.mutate()}>
          Mark all read
        </Button>
      }
    >
      {inbox.isPending ? <LoadingBlock label="Loading your inbox" /> : null}
      <ErrorAlert message={inbox.error ? errorMessage(inbox.error) : null} title="Could not load your inbox" />
      {inbox.data ? <InboxList orgId={orgId} notifications={inbox.data.notifications} timeZone={timeZone} /> : null}
    </SectionCard>
  );
}
