import { Anchor, Button, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { useState } from "react";
import type { CredentialSummary } from "../../../../../src/features/academy/credentials/contract";
import { errorMessage } from "../../../../api/api-error";
import { formatDate } from "../../../../ui/format-date";
import { NotFoundView } from "../../../../ui/NotFoundView";
import { PageHeader } from "../../../../ui/PageHeader";
import { SearchablePagedList, usePagedSearch } from "../../../../ui/SearchablePagedList";
import { useSignedInMe } from "../../../accounts/identity/queries";
import { AwardDialog } from "../components/AwardDialog";
import { CredentialStatusBadge, KIND_LABEL } from "../components/CredentialStatusBadge";
import { ReinstateDialog } from "../components/ReinstateDialog";
import { RevokeDialog } from "../components/RevokeDialog";
import { useAdminCredentials } from "../queries";

const PAGE_SIZE = 25;

export function AdminCredentialsPage() {
  const me = useSignedInMe();
  if (!me.user.isPlatformAdmin) {
    return <NotFoundView title="Admins only" message="Credential administration is for platform administrators." />;
  }
  return <AdminCredentials timeZone={me.user.timeZone} />;
}

function AdminCredentials({ timeZone }: { timeZone: string }) {
  const paging = usePagedSearch(PAGE_SIZE);
  const q = paging.query;
  const [revoking, setRevoking] = useState<CredentialSummary | null>(null);
  const [reinstating, setReinstating] = useState<CredentialSummary | null>(null);
  const [awarding, setAwarding] = useState(false);
  const list = useAdminCredentials({ q, limit: PAGE_SIZE, offset: paging.offset });
  const total = list.data?.total ?? 0;
  return (
    <>
      <PageHeader
        title="Credentials"
        description="Every badge, certificate and certification issued. Revoke one with a reason, or reinstate a revoked one; its status changes everywhere at once."
        actions={<Button onClick={() => setAwarding(true)}>Award a credential</Button>}
      />
      <SearchablePagedList
        state={paging}
        search={{ label: "Search", placeholder: "Holder, credential or id" }}
        countText={list.data ? `${total} ${total === 1 ? "credential" : "credentials"}` : ""}
        loadingLabel="Loading credentials"
        isPending={list.isPending}
        error={list.error ? errorMessage(list.error) : null}
        errorTitle="Could not load credentials"
        total={total}
        empty={
          list.data && list.data.credentials.length === 0
            ? q
              ? `No credentials match "${q}".`
              : "No credentials issued yet."
            : null
        }
        pagesLabel="Credential pages"
      >
        {list.data && list.data.credentials.length > 0 ? (
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Holder</Table.Th>
                  <Table.Th scope="col">Credential</Table.Th>
                  <Table.Th scope="col">Kind</Table.Th>
                  <Table.Th scope="col">Issued</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.credentials.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{c.holderName}</Table.Td>
                    <Table.Td>
                      <Anchor href={`/evidence/${c.id}`}>{c.title}</Anchor>
                      <Text fz="xs" c="dimmed">
                        {c.programTitle}
                      </Text>
                    </Table.Td>
                    <Table.Td>{KIND_LABEL[c.kind]}</Table.Td>
                    <Table.Td>{formatDate(c.issuedAt, timeZone)}</Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        <CredentialStatusBadge status={c.status} />
                        {c.revokedReason ? (
                          <Text fz="xs" c="dimmed">
                            {c.revokedReason}
                          </Text>
                        ) : null}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      {c.status !== "revoked" ? (
                        <Button
                          size="xs"
                          variant="light"
                          color="red"
                          onClick={() => setRevoking(c)}
                          aria-label={`Revoke ${c.title} of ${c.holderName}`}
                        >
                          Revoke
                        </Button>
                      ) : (
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => setReinstating(c)}
                          aria-label={`Reinstate ${c.title} of ${c.holderName}`}
                        >
                          Reinstate
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </SearchablePagedList>
      <RevokeDialog credential={revoking} onClose={() => setRevoking(null)} />
      <ReinstateDialog credential={reinstating} timeZone={timeZone} onClose={() => setReinstating(null)} />
      <AwardDialog opened={awarding} onClose={() => setAwarding(false)} />
    </>
  );
}
