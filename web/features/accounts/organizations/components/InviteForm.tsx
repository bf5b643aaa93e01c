import { Button, Group, Select, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { IconSend } from "@tabler/icons-react";
import { InviteBody } from "../../../../../src/features/accounts/organizations/contract";
import { errorMessage } from "../../../../api/api-error";
import { markFieldErrors } from "../../../../api/form-errors";
import { formValidator } from "../../../../api/form-validator";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { useInvite } from "../queries";
import { assignableRoles, ROLE_LABELS, type Role } from "../role-permissions";

type Values = { email: string; role: Role };

export function InviteForm({ orgId, actorRole }: { orgId: string; actorRole: Role }) {
  const invite = useInvite(orgId);
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: { email: "", role: "member" },
    validate: formValidator(InviteBody),
  });
  const submit = form.onSubmit((values) =>
    invite.mutate(values, {
      onSuccess: (invitation) => {
        form.setFieldValue("email", "");
        notifications.show({ color: "teal", title: "Invitation sent", message: `We emailed ${invitation.email}.` });
      },
      onError: (error) => markFieldErrors(form, error, ["email", "role"]),
    }),
  );

  return (
    <form onSubmit={submit} noValidate aria-label="Invite a person">
      <Stack gap="sm">
        <ErrorAlert message={invite.error ? errorMessage(invite.error) : null} title="Could not send the invitation" />
        <Group align="flex-start" gap="sm">
          <TextInput
            label="Email address"
            type="email"
            placeholder="colleague@company.com"
            required
            style={{ flex: 1, minWidth: 220 }}
            {...form.getInputProps("email")}
          />
          <Select
            label="Role"
            data={assignableRoles(actorRole).map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
            allowDeselect={false}
            w={160}
            {...form.getInputProps("role")}
          />
          <Button type="submit" mt={25} loading={invite.isPending} leftSection={<IconSend size={16} aria-hidden />}>
            Send invitation
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
