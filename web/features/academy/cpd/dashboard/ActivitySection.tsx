import { Group, Pagination, Table, Text, VisuallyHidden } from "@mantine/core";
import type { Dashboard } from "../../../../../src/features/academy/cpd/dashboard/contract";
import { TextLink } from "../../../../ui/RouterLink";
import { SectionCard } from "../../../../ui/SectionCard";
import { ToneBadge } from "../../../../ui/ToneBadge";
import { day, hm, SOURCE_LABELS } from "../format";
import { ScrollRegion } from "../ScrollRegion";

type Props = { activity: Dashboard["activity"]; onPage: (page: number) => void; actions?: React.ReactNode };

/** Seed: the full CPD log: completion date, title, asset type, activity type, duration, launch. */
export function ActivitySection({ activity, onPage, actions }: Props) {
  const pages = Math.max(1, Math.ceil(activity.total / activity.pageSize));
  return (
    <SectionCard
      title="CPD Activity History"
      description={`${activity.total} ${activity.total === 1 ? "entry" : "entries"} in your CPD record.`}
      actions={actions}
    >
      {activity.items.length === 0 ? (
        <Text c="dimmed">Nothing recorded yet: complete a library item, attend an event or log external learning.</Text>
      ) : (
        <ScrollRegion label="CPD activity" minWidth={760}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Completed</Table.Th>
                <Table.Th>Title</Table.Th>
                <Table.Th>Asset type</Table.Th>
                <Table.Th>Activity type</Table.Th>
                <Table.Th>Source</Table.Th>
                <Table.Th>Duration</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Launch</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {activity.items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{day(a.completedOn)}</Table.Td>
                  <Table.Td>
                    {a.title} {a.reversed ? <ToneBadge tone="red">Removed after audit</ToneBadge> : null}
                  </Table.Td>
                  <Table.Td tt="capitalize">{a.assetType}</Table.Td>
                  <Table.Td tt="capitalize">{a.activityType.replace("-", " ")}</Table.Td>
                  <Table.Td>{SOURCE_LABELS[a.source] ?? a.source}</Table.Td>
                  <Table.Td>{hm(a.minutes)}</Table.Td>
                  <Table.Td>
                    {a.launchPath ? (
                      <TextLink to={a.launchPath} fz="sm" aria-label={`Open ${a.title}`}>
                        Open
                      </TextLink>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
      {pages > 1 ? (
        <Group justify="flex-end">
          <Pagination total={pages} value={activity.page} onChange={onPage} aria-label="Activity pages" />
        </Group>
      ) : null}
    </SectionCard>
  );
}
