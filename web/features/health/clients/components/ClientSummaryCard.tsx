import { Badge, Group, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import type { Client } from "../../../../../src/features/health/clients/contract";
import { formatCalendarDate } from "../calendar-date";
import { formatMoney } from "../money";
import { ClientStatusBadge } from "./ClientStatusBadge";
import { RenewalCell } from "./RenewalCell";

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text fz="xs" fw={700} c="dimmed" tt="uppercase" style={{ letterSpacing: "0.04em" }}>
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

/** The client's key fields at a glance. */
export function ClientSummaryCard({ client, today }: { client: Client; today: string }) {
  const money = (minor: number) => (
    <Text fz="lg" fw={700} style={{ fontVariantNumeric: "tabular-nums" }}>
      {formatMoney(minor, client.currency)}
    </Text>
  );
  const contact = client.contacts.find((c) => c.primary) ?? client.contacts[0];
  return (
    <Paper withBorder p="lg" component="section" aria-label="Client details">
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
          <Field label="ARR">{money(client.arrMinor)}</Field>
          <Field label="MRR">{money(client.mrrMinor)}</Field>
          <Field label="ACV">{money(client.acvMinor)}</Field>
        </SimpleGrid>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md" verticalSpacing="lg">
          <Field label="Type">
            <Text fz="sm">{client.clientType || "—"}</Text>
          </Field>
          <Field label="Assigned CSM">
            <Text fz="sm">{client.assignedCsmName ?? "Unassigned"}</Text>
          </Field>
          <Field label="Status">
            <ClientStatusBadge status={client.status} />
          </Field>
          <Field label="Next renewal">
            <RenewalCell date={client.nextRenewalDate} today={today} />
          </Field>
          <Field label="Client since">
            <Text fz="sm">{formatCalendarDate(client.clientSince)}</Text>
          </Field>
          <Field label="External id">
            <Text fz="sm">{client.externalId ?? "—"}</Text>
          </Field>
          <Field label="Primary contact">
            <Text fz="sm">{contact ? [contact.name, contact.email].filter(Boolean).join(" · ") : "—"}</Text>
          </Field>
          <Field label="Tags">
            {client.tags.length > 0 ? (
              <Group gap={4}>
                {client.tags.map((tag) => (
                  <Badge key={tag} size="sm" variant="default" tt="none">
                    {tag}
                  </Badge>
                ))}
              </Group>
            ) : (
              <Text fz="sm">—</Text>
            )}
          </Field>
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
