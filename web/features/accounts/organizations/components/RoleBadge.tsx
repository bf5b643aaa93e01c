import { Badge } from "@mantine/core";
import { ROLE_COLORS, ROLE_LABELS, type Role } from "../role-permissions";

export function RoleBadge({ role }: { role: Role }) {
  return (
    <Badge color={ROLE_COLORS[role]} variant="light" size="sm">
      {ROLE_LABELS[role]}
    </Badge>
  );
}
