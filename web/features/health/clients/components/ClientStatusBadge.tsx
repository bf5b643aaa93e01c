import { SoftBadge } from "../../pulses/components/SoftBadge";
import { CLIENT_STATUS_COLORS, CLIENT_STATUS_LABELS, type ClientStatusValue } from "../client-status-display";

export function ClientStatusBadge({ status }: { status: ClientStatusValue }) {
  return (
    <SoftBadge color={CLIENT_STATUS_COLORS[status]} size="sm">
      {CLIENT_STATUS_LABELS[status]}
    </SoftBadge>
  );
}
