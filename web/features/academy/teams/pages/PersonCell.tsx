import { Table, Text } from "@mantine/core";

/** A team table's first cell: the member's name over their email. */
export function PersonCell({ name, email }: { name: string; email: string }) {
  return (
    <Table.Td>
      <Text fz="sm" fw={600}>
        {name}
      </Text>
      <Text fz="xs" c="dimmed">
        {email}
      </Text>
    </Table.Td>
  );
}
