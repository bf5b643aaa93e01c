import { Badge } from "@mantine/core";
import type { OutboxMessage } from "../../../../../src/features/admin/contract";

const COLORS: Record<OutboxMessage["status"], string> = {
  queued: "yellow.9",
  sent: "teal.8",
  stored: "indigo.7",
  failed: "red.8",
};

export function MailStatusBadge({ status }: { status: OutboxMessage["status"] }) {
  return (
    <Badge color={COLORS[status]} variant="light" size="sm">
      {status}
    </Badge>
  );
}
