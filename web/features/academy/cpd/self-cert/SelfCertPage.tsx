import { Button, FileInput, Group, Stack, Table, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import type { SelfCertView } from "../../../../../src/features/academy/cpd/self-cert/contract";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { PageHeader } from "../../../../ui/PageHeader";
import { ButtonLink } from "../../../../ui/RouterLink";
import { SectionCard } from "../../../../ui/SectionCard";
import { type Tone, ToneBadge } from "../../../../ui/ToneBadge";
import { useMe } from "../../../accounts/identity/queries";
import { day } from "../format";
import { useRespondToAudit, useSelfCertifications } from "../queries";
import { ScrollRegion } from "../ScrollRegion";
import { EVIDENCE_ACCEPT, fileToBase64 } from "./file-to-base64";
import { SelfCertForm } from "./SelfCertForm";

const AUDIT: Record<string, { label: string; tone: Tone }> = {
  requested: { label: "Evidence requested", tone: "orange" },
  submitted: { label: "Evidence sent", tone: "blue" },
  accepted: { label: "Audit accepted", tone: "teal" },
  rejected: { label: "Audit rejected", tone: "red" },
  expired: { label: "Audit expired", tone: "red" },
};

function AuditAnswer({ cert }: { cert: SelfCertView }) {
  const audit = cert.audit;
  const respond = useRespondToAudit(audit?.id ?? "");
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState("");
  if (audit?.status !== "requested") return null;
  const send = async () => {
    if (!file) return;
    await respond.mutateAsync({
      note: note || undefined,
      evidence: {
        fileName: file.name,
        mediaType: file.type as "application/pdf",
        contentBase64: await fileToBase64(file),
      },
    });
  };
  return (
    <Stack gap="xs" mt="xs">
      <Text fz="sm">Send evidence by {day(audit.dueAt.slice(0, 10))}.</Text>
      <Group align="flex-end">
        <FileInput label="Evidence" accept={EVIDENCE_ACCEPT} value={file} onChange={setFile} w={220} />
        <TextInput label="Note" value={note} onChange={(e) => setNote(e.currentTarget.value)} w={220} />
        <Button onClick={send} disabled={!file} loading={respond.isPending}>
          Send evidence
        </Button>
      </Group>
      <ErrorAlert message={respond.error?.message} />
    </Stack>
  );
}

/** Log external learning (the hours count at once) and see earlier submissions with their audit status. */
export function SelfCertPage() {
  const me = useMe();
  const list = useSelfCertifications();
  const user = me.data?.user;
  return (
    <Stack gap="lg">
      <PageHeader
        title="CPD self certification"
        description="Completed CPD outside the library? Log it here and the hours are added to your CPD record. Keep evidence (a receipt or screenshot) for 12 months in case of an audit."
        actions={
          <ButtonLink to="/cpd" variant="default">
            CPD dashboard
          </ButtonLink>
        }
      />
      <SectionCard title="Log external learning">
        {user ? <SelfCertForm name={user.name} email={user.email} /> : null}
      </SectionCard>
      <SectionCard title="Your self-certifications">
        <ErrorAlert message={list.error?.message} />
        {list.data && list.data.items.length === 0 ? <Text c="dimmed">Nothing logged yet.</Text> : null}
        {list.data && list.data.items.length > 0 ? (
          <ScrollRegion label="Your self-certifications" minWidth={640}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Completed</Table.Th>
                  <Table.Th>Title</Table.Th>
                  <Table.Th>Type</Table.Th>
                  <Table.Th>Duration</Table.Th>
                  <Table.Th>Audit</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{day(c.completedOn)}</Table.Td>
                    <Table.Td>
                      {c.title}
                      <Text fz="xs" c="dimmed">
                        {c.provider}
                        {c.evidence.length > 0 ? ` · evidence: ${c.evidence.map((e) => e.fileName).join(", ")}` : ""}
                      </Text>
                      <AuditAnswer cert={c} />
                    </Table.Td>
                    <Table.Td tt="capitalize">{c.contentType}</Table.Td>
                    <Table.Td>
                      {c.hours}h {c.minutes}m
                    </Table.Td>
                    <Table.Td>
                      {c.audit ? (
                        <ToneBadge tone={AUDIT[c.audit.status]?.tone ?? "gray"}>
                          {AUDIT[c.audit.status]?.label ?? c.audit.status}
                        </ToneBadge>
                      ) : (
                        "—"
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        ) : null}
      </SectionCard>
    </Stack>
  );
}
