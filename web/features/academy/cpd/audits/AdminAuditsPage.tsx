import { Anchor, Button, Group, NumberInput, Select, Stack, Table, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import type { AuditRequestView } from "../../../../../src/features/academy/cpd/audits/contract";
import { markFieldErrors } from "../../../../api/form-errors";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { PageHeader } from "../../../../ui/PageHeader";
import { SectionCard } from "../../../../ui/SectionCard";
import { type Tone, ToneBadge } from "../../../../ui/ToneBadge";
import { day } from "../format";
import { evidenceUrl, useAuditRequests, useDecideAudit, useDrawSample } from "../queries";
import { ScrollRegion } from "../ScrollRegion";

const STATUS: Record<string, { label: string; tone: Tone }> = {
  requested: { label: "Requested", tone: "orange" },
  submitted: { label: "Evidence sent", tone: "blue" },
  accepted: { label: "Accepted", tone: "teal" },
  rejected: { label: "Rejected", tone: "red" },
  expired: { label: "Expired", tone: "red" },
};

function DrawSample() {
  const draw = useDrawSample();
  const form = useForm({ initialValues: { from: "", to: "", ratePercent: 10 as number | string, seed: "" } });
  const onSubmit = form.onSubmit(async (v) => {
    try {
      const s = await draw.mutateAsync({
        from: v.from,
        to: v.to,
        ratePercent: v.ratePercent === "" ? undefined : Number(v.ratePercent),
        seed: v.seed || undefined,
      });
      notifications.show({ color: "teal", message: `Drew ${s.selected} of ${s.population} (seed ${s.seed}).` });
    } catch (error) {
      markFieldErrors(form, error, ["from", "to", "ratePercent", "seed"]);
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Draw an audit sample">
      <Group align="flex-end" wrap="wrap">
        <TextInput label="Completed from" type="date" required {...form.getInputProps("from")} />
        <TextInput label="Completed to" type="date" required {...form.getInputProps("to")} />
        <NumberInput label="Rate %" min={1} max={100} w={100} {...form.getInputProps("ratePercent")} />
        <TextInput label="Seed (optional)" w={180} {...form.getInputProps("seed")} />
        <Button type="submit" loading={draw.isPending}>
          Draw sample
        </Button>
      </Group>
      <ErrorAlert message={draw.error?.message} />
    </form>
  );
}

function Decide({ request }: { request: AuditRequestView }) {
  const decide = useDecideAudit(request.id);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  if (request.status !== "requested" && request.status !== "submitted") {
    return <Text fz="sm">{request.reason}</Text>;
  }
  const send = async (decision: "accept" | "reject") => {
    setError(null);
    try {
      await decide.mutateAsync({ decision, reason });
    } catch (e) {
      const fields = (e as { fields?: Record<string, string> }).fields;
      setError(fields?.reason ? `Reason: ${fields.reason}` : (e as Error).message);
    }
  };
  return (
    <Stack gap={6}>
      <Textarea
        label={`Reason for ${request.selfCertification.name}`}
        autosize
        minRows={1}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={error}
      />
      <Group gap="xs">
        <Button size="xs" onClick={() => send("accept")} loading={decide.isPending}>
          Accept
        </Button>
        <Button size="xs" color="red" variant="light" onClick={() => send("reject")} loading={decide.isPending}>
          Reject
        </Button>
      </Group>
    </Stack>
  );
}

/** Admin > CPD audits: draw a reproducible sample, review evidence, accept or reject with a reason. */
export function AdminAuditsPage() {
  const [status, setStatus] = useState<string | null>(null);
  const requests = useAuditRequests(status ?? undefined);
  return (
    <Stack gap="lg">
      <PageHeader
        title="CPD audits"
        description="Draw a random sample of self-certifications from a period (the seed is kept, so the draw can be repeated). Learners have 28 days to send evidence; rejected or unanswered ones leave their CPD record."
      />
      <SectionCard title="Draw a sample">
        <DrawSample />
      </SectionCard>
      <SectionCard
        title="Audit requests"
        actions={
          <Select
            aria-label="Status"
            placeholder="Every status"
            clearable
            w={180}
            value={status}
            onChange={setStatus}
            data={Object.entries(STATUS).map(([value, s]) => ({ value, label: s.label }))}
          />
        }
      >
        <ErrorAlert message={requests.error?.message} />
        {requests.data?.items.length === 0 ? <Text c="dimmed">No audit requests.</Text> : null}
        {requests.data && requests.data.items.length > 0 ? (
          <ScrollRegion label="Audit requests" minWidth={860}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Learner</Table.Th>
                  <Table.Th>Self-certification</Table.Th>
                  <Table.Th>Due</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Evidence</Table.Th>
                  <Table.Th>Decision</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {requests.data.items.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      {r.selfCertification.name}
                      <Text fz="xs" c="dimmed">
                        {r.selfCertification.email}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {r.selfCertification.title}
                      <Text fz="xs" c="dimmed">
                        {r.selfCertification.provider} · {r.selfCertification.contentType} · {r.selfCertification.hours}
                        h {r.selfCertification.minutes}m · {day(r.selfCertification.completedOn)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{day(r.dueAt.slice(0, 10))}</Table.Td>
                    <Table.Td>
                      <ToneBadge tone={STATUS[r.status]?.tone ?? "gray"}>
                        {STATUS[r.status]?.label ?? r.status}
                      </ToneBadge>
                      <Text fz="xs" c="dimmed">
                        {r.events.map((e) => e.toStatus).join(" → ")}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {r.selfCertification.evidence.length === 0 ? "—" : null}
                      {r.selfCertification.evidence.map((e) =>
                        e.deleted ? (
                          <Text key={e.id} fz="xs">
                            {e.fileName} (deleted; sha256 {e.sha256.slice(0, 12)}…)
                          </Text>
                        ) : (
                          <Anchor key={e.id} href={evidenceUrl(e.id)} fz="sm" display="block">
                            {e.fileName}
                          </Anchor>
                        ),
                      )}
                      {r.responseNote ? <Text fz="xs">“{r.responseNote}”</Text> : null}
                    </Table.Td>
                    <Table.Td miw={240}>
                      <Decide request={r} />
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
