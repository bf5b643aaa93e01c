import { Button, Group, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { type Organization, UpdateOrganizationBody } from "../../../../../src/features/accounts/organizations/contract";
import { errorMessage } from "../../../../api/api-error";
import { markFieldErrors } from "../../../../api/form-errors";
import { formValidator } from "../../../../api/form-validator";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { useRenameOrganization } from "../queries";

export function OrgNameForm({ organization }: { organization: Organization }) {
  const rename = useRenameOrganization(organization.id);
  const form = useForm<UpdateOrganizationBody>({
    mode: "controlled",
    initialValues: { name: organization.name },
    validate: formValidator(UpdateOrganizationBody),
  });
  const submit = form.onSubmit((values) =>
    rename.mutate(values, {
      onSuccess: (updated) => {
        form.resetDirty({ name: updated.name });
        notifications.show({ color: "teal", message: "Organization name saved" });
      },
      onError: (error) => markFieldErrors(form, error, ["name"]),
    }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={520}>
        <ErrorAlert message={rename.error ? errorMessage(rename.error) : null} />
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <TextInput label="Organization name" required style={{ flex: 1 }} {...form.getInputProps("name")} />
          <Button type="submit" loading={rename.isPending} disabled={!form.isDirty()}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
