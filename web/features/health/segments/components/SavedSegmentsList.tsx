import { ActionIcon, Group, Paper, Stack, Text, Title, Tooltip, UnstyledButton } from "@mantine/core";
import { IconTrash, IconUsersGroup } from "@tabler/icons-react";
import { useState } from "react";
import type { Segment } from "../../../../../src/features/health/segments/contract";
import { ConfirmDialog } from "../../../../ui/ConfirmDialog";
import { ToneBadge } from "../../../../ui/ToneBadge";

type SavedSegmentsListProps = {
  segments: Segment[];
  activeId?: string;
  onOpen: (segment: Segment) => void;
  onDelete: (segment: Segment) => Promise<unknown>;
  deleting: boolean;
};

/** The person's own segments and those shared with the organization. */
export function SavedSegmentsList({ segments, activeId, onOpen, onDelete, deleting }: SavedSegmentsListProps) {
  const [doomed, setDoomed] = useState<Segment | null>(null);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="saved-segments-title">
      <Stack gap="xs">
        <Title order={2} fz="lg" id="saved-segments-title">
          Saved segments
        </Title>
        {segments.length === 0 ? (
          <Text fz="sm" c="dimmed">
            None yet. Build a filter and save it to come back to it, or share it with your team.
          </Text>
        ) : (
          <Stack gap={4} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
            {segments.map((s) => (
              <Group key={s.id} component="li" justify="space-between" wrap="nowrap" gap="xs">
                <UnstyledButton
                  onClick={() => onOpen(s)}
                  aria-current={s.id === activeId ? "true" : undefined}
                  style={{ flex: 1, minWidth: 0 }}
                >
                  <Text fz="sm" fw={s.id === activeId ? 700 : 500} truncate>
                    {s.name}
                  </Text>
                  <Text fz="xs" c="dimmed">
                    {s.mine ? "Mine" : `By ${s.ownerName}`}
                  </Text>
                </UnstyledButton>
                {s.shared ? (
                  <ToneBadge tone="indigo" leftSection={<IconUsersGroup size={12} aria-hidden />}>
                    Shared
                  </ToneBadge>
                ) : null}
                {s.canEdit ? (
                  <Tooltip label="Delete">
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={`Delete ${s.name}`}
                      onClick={() => setDoomed(s)}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                ) : null}
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
      <ConfirmDialog
        opened={doomed !== null}
        title="Delete segment"
        confirmLabel="Delete"
        loading={deleting}
        onClose={() => setDoomed(null)}
        onConfirm={() => doomed && onDelete(doomed).then(() => setDoomed(null))}
      >
        {doomed?.shared
          ? `"${doomed.name}" is shared: it disappears for everyone in the organization.`
          : `Delete "${doomed?.name}"?`}
      </ConfirmDialog>
    </Paper>
  );
}
