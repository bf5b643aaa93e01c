import { Group, Stack, Text, Timeline } from "@mantine/core";
import { errorMessage } from "../../../../api/api-error";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { formatDateTime } from "../../../../ui/format-date";
import { LoadingBlock } from "../../../../ui/LoadingBlock";
import { SectionCard } from "../../../../ui/SectionCard";
import { useMembers } from "../../../accounts/organizations/queries";
import { formatCalendarDate } from "../calendar-date";
import { CLIENT_STATUS_LABELS } from "../client-status-display";
import { formatMoney } from "../money";
import { useClientHistory } from "../queries";
import { type ClientVersion, type VersionField, versionChanges } from "../version-changes";

const FIELD_LABELS: Record<VersionField, string> = {
  clientType: "Type",
  assignedCsmId: "CSM",
  status: "Status",
  arrMinor: "ARR",
  mrrMinor: "MRR",
  acvMinor: "ACV",
};

type ClientFieldHistoryCardProps = { orgId: string; clientId: string; currency: string; timeZone: string };

/** The dated history of type, CSM, status and money that "as of" reports read. */
export function ClientFieldHistoryCard({ orgId, clientId, currency, timeZone }: ClientFieldHistoryCardProps) {
  const history = useClientHistory(orgId, clientId);
  const members = useMembers(orgId);
  const names = new Map((members.data?.members ?? []).map((m) => [m.userId, m.name]));
  const show = (version: ClientVersion, field: VersionField): string => {
    const value = version[field];
    if (field === "assignedCsmId") return value ? (names.get(String(value)) ?? "A former member") : "Unassigned";
    if (field === "status") return CLIENT_STATUS_LABELS[version.status];
    if (typeof value === "number") return formatMoney(value, currency);
    return value ? String(value) : "—";
  };

  return (
    <SectionCard title="Field history" description="Type, CSM, status and money by the date each took effect.">
      {history.isPending ? <LoadingBlock label="Loading field history" /> : null}
      <ErrorAlert message={history.error ? errorMessage(history.error) : null} title="Could not load the history" />
      {history.data ? (
        <Timeline active={history.data.versions.length} bulletSize={12} lineWidth={2} color="gray.5">
          {versionChanges(history.data.versions).map(({ version, fields, first }) => (
            <Timeline.Item
              key={`${version.validFrom}-${version.recordedAt}`}
              title={
                <Text fz="sm" fw={700}>
                  {formatCalendarDate(version.validFrom)} {first ? "· started" : ""}
                </Text>
              }
            >
              <Stack gap={2}>
                {fields.map((field) => (
                  <Group key={field} gap={6} wrap="nowrap">
                    <Text fz="sm" c="dimmed" w={52}>
                      {FIELD_LABELS[field]}
                    </Text>
                    <Text fz="sm">{show(version, field)}</Text>
                  </Group>
                ))}
                {fields.length === 0 ? (
                  <Text fz="sm" c="dimmed">
                    No change
                  </Text>
                ) : null}
                <Text fz="xs" c="dimmed">
                  Recorded {formatDateTime(version.recordedAt, timeZone)}
                </Text>
              </Stack>
            </Timeline.Item>
          ))}
        </Timeline>
      ) : null}
    </SectionCard>
  );
}
