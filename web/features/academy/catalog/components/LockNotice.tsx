import { Alert } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import type { Lock } from "../../../../../src/features/academy/catalog/contract";
import { TextLink } from "../../../../ui/RouterLink";

/** Says which plan opens a locked level; nothing when the level is open. */
export function LockNotice({ lock, compact = false }: { lock: Lock; compact?: boolean }) {
  if (lock.open) return null;
  return (
    <Alert
      color="gray"
      variant="light"
      icon={<IconLock size={18} aria-hidden />}
      title={compact ? undefined : "Locked"}
      p={compact ? "xs" : undefined}
    >
      {lock.message}{" "}
      <TextLink to="/plans" c="indigo.9" fz="inherit" fw={600}>
        Choose a plan
      </TextLink>
    </Alert>
  );
}
