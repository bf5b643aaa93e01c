import { notifications } from "@mantine/notifications";
import { useState } from "react";
import type { Member } from "../../../../../src/features/accounts/organizations/contract";
import { errorMessage } from "../../../../api/api-error";
import { ConfirmDialog } from "../../../../ui/ConfirmDialog";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { LoadingBlock } from "../../../../ui/LoadingBlock";
import { SectionCard } from "../../../../ui/SectionCard";
import { useChangeMemberRole, useMembers, useRemoveMember, useSetManager } from "../queries";
import { ROLE_LABELS, type Role } from "../role-permissions";
import { MembersTable } from "./MembersTable";

type MembersSectionProps = { orgId: string; actorRole: Role; actorUserId: string; timeZone: string };

export function MembersSection({ orgId, actorRole, actorUserId, timeZone }: MembersSectionProps) {
  const members = useMembers(orgId);
  const changeRole = useChangeMemberRole(orgId);
  const setManager = useSetManager(orgId);
  const remove = useRemoveMember(orgId);
  const [removing, setRemoving] = useState<Member | null>(null);

  const onChangeRole = (member: Member, role: Role) =>
    changeRole.mutate(
      { userId: member.userId, role },
      {
        onSuccess: () =>
          notifications.show({ color: "teal", message: `${member.name} is now ${ROLE_LABELS[role].toLowerCase()}` }),
      },
    );

  const onSetManager = (member: Member, managerUserId: string | null) =>
    setManager.mutate(
      { userId: member.userId, managerUserId },
      { onSuccess: () => notifications.show({ color: "teal", message: `Saved who ${member.name} reports to` }) },
    );

  const confirmRemove = () => {
    if (!removing) return;
    remove.mutate(removing.userId, {
      onSuccess: () => notifications.show({ color: "teal", message: `${removing.name} was removed` }),
      onSettled: () => setRemoving(null),
    });
  };

  const count = members.data?.members.length;
  return (
    <SectionCard
      title="Members"
      description={
        count === undefined
          ? "People in this organization."
          : `${count} ${count === 1 ? "person" : "people"} in this organization.`
      }
    >
      {members.isPending ? <LoadingBlock label="Loading members" /> : null}
      <ErrorAlert message={members.error ? errorMessage(members.error) : null} title="Could not load members" />
      {members.data ? (
        <MembersTable
          members={members.data.members}
          actorRole={actorRole}
          actorUserId={actorUserId}
          timeZone={timeZone}
          onChangeRole={onChangeRole}
          onSetManager={onSetManager}
          onRemove={setRemoving}
        />
      ) : null}
      <ConfirmDialog
        opened={removing !== null}
        title="Remove member"
        confirmLabel="Remove"
        loading={remove.isPending}
        onConfirm={confirmRemove}
        onClose={() => setRemoving(null)}
      >
        {removing ? `${removing.name} (${removing.email}) will lose access to this organization.` : ""}
      </ConfirmDialog>
    </SectionCard>
  );
}
