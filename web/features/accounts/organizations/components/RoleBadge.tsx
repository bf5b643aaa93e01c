import { ToneBadge } from "../../../../ui/ToneBadge";
import { ROLE_LABELS, ROLE_TONES, type Role } from "../role-permissions";

export function RoleBadge({ role }: { role: Role }) {
  return (
    <ToneBadge tone={ROLE_TONES[role]} size="sm">
      {ROLE_LABELS[role]}
    </ToneBadge>
  );
}
