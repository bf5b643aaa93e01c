import { Table, Text, UnstyledButton } from "@mantine/core";
import type { OutboxMessage } from "../../../../../src/features/admin/contract";
import { formatDateTime } from "../../../../ui/format-date";
import { ScrollTable } from "../../../../ui/ScrollTable";
import { MailStatusBadge } from "./MailStatusBadge";

type OutboxTableProps = { messages: OutboxMessage[]; timeZone: string; onOpen: (message: OutboxMessage) => void };

export function OutboxTable({ messages, timeZone, onOpen }: OutboxTableProps) {
  return (
    <ScrollTable minWidth={720} label="Outbox messages">
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>To</Table.Th>
            <Table.Th>Subject</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Created</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {messages.map((message) => (
            <Table.Tr key={message.id} style={{ cursor: "pointer" }} onClick={() => onOpen(message)}>
              <Table.Td>
                <Text fz="sm">{message.to}</Text>
              </Table.Td>
              <Table.Td>
                <UnstyledButton
                  onClick={(event) => {
                    event.stopPropagation();
                    onOpen(message);
                  }}
                  fz="sm"
                  fw={600}
                  c="indigo.8"
                >
                  {message.subject}
                </UnstyledButton>
              </Table.Td>
              <Table.Td>
                <MailStatusBadge status={message.status} />
              </Table.Td>
              <Table.Td>
                <Text fz="sm">{formatDateTime(message.createdAt, timeZone)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
