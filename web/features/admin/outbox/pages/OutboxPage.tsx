import { useState } from "react";
import type { OutboxMessage } from "../../../../../src/features/admin/contract";
import { errorMessage } from "../../../../api/api-error";
import { NotFoundView } from "../../../../ui/NotFoundView";
import { PageHeader } from "../../../../ui/PageHeader";
import { SearchablePagedList, usePagedSearch } from "../../../../ui/SearchablePagedList";
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
  const list = usePagedSearch(PAGE_SIZE);
  const to = list.query;
  const [open, setOpen] = useState<OutboxMessage | null>(null);
  const outbox = useOutbox({ to, limit: PAGE_SIZE, offset: list.offset });
  const total = outbox.data?.total ?? 0;
  const messages = outbox.data?.messages;

  return (
    <>
      <PageHeader
        title="Outbox"
        description="Every email Pulse has sent or stored. Open a message to read it and follow its links."
      />
      <SearchablePagedList
        state={list}
        search={{ label: "Filter by recipient", placeholder: "name@company.com" }}
        countText={outbox.data ? `${total} ${total === 1 ? "message" : "messages"}` : ""}
        loadingLabel="Loading messages"
        isPending={outbox.isPending}
        error={outbox.error ? errorMessage(outbox.error) : null}
        errorTitle="Could not load the outbox"
        total={total}
        empty={messages && messages.length === 0 ? (to ? `No messages to "${to}".` : "No messages yet.") : null}
        pagesLabel="Outbox pages"
      >
        {messages && messages.length > 0 ? (
          <OutboxTable messages={messages} timeZone={timeZone} onOpen={setOpen} />
        ) : null}
      </SearchablePagedList>
      <MessageDrawer message={open} timeZone={timeZone} onClose={() => setOpen(null)} />
    </>
  );
}
