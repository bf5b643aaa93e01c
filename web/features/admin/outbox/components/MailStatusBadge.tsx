import type { OutboxMessage } from "../../../../../src/features/admin/contract";
import { type Tone, ToneBadge } from "../../../../ui/ToneBadge";

const TONES: Record<OutboxMessage["status"], Tone> = {
  queued: "blue",
  sent: "teal",
  stored: "indigo",
  failed: "red",
};

export function MailStatusBadge({ status }: { status: OutboxMessage["status"] }) {
  return (
    <ToneBadge tone={TONES[status]} size="sm">
      {status}
    </ToneBadge>
  );
}
