import { Select, Text } from "@mantine/core";
import type { Member } from "../../../../../src/features/accounts/organizations/contract";

type ReportsToCellProps = {
  member: Member;
  members: Member[];
  editable: boolean;
  onChange: (member: Member, managerUserId: string | null) => void;
};

/** Who the member reports to: risk alerts about their clients go to that person. */
export function ReportsToCell({ member, members, editable, onChange }: ReportsToCellProps) {
  const current = members.find((m) => m.userId === member.reportsToUserId);
  if (!editable) {
    return (
      <Text fz="sm" c={current ? undefined : "dimmed"}>
        {current?.name ?? "—"}
      </Text>
    );
  }
  return (
    <Select
      aria-label={`Manager of ${member.name}`}
      placeholder="No manager"
      data={members.filter((m) => m.userId !== member.userId).map((m) => ({ value: m.userId, label: m.name }))}
      value={member.reportsToUserId}
      clearable
      searchable
      w={180}
      size="xs"
      onChange={(value) => {
        if (value !== member.reportsToUserId) onChange(member, value);
      }}
    />
  );
}
