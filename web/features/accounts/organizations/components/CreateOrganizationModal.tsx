import { Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useNavigate } from "@tanstack/react-router";
import { CreateOrganizationBody } from "../../../../../src/features/accounts/organizations/contract";
import { errorMessage } from "../../../../api/api-error";
import { markFieldErrors } from "../../../../api/form-errors";
import { formValidator } from "../../../../api/form-validator";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { useCreateOrganization } from "../queries";

export function CreateOrganizationModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateOrganization();
  const navigate = useNavigate();
  const form = useForm<CreateOrganizationBody>({
    mode: "controlled",
    initialValues: { name: "" },
    validate: formValidator(CreateOrganizationBody),
  });
  const close = () => {
    form.reset();
    create.reset();
    onClose();
  };
  const submit = form.onSubmit((values) =>
    create.mutate(values, {
      onSuccess: (organization) => {
        notifications.show({
          color: "teal",
          title: "Organization created",
          message: `${organization.name} is now active.`,
        });
        close();
        void navigate({ to: "/org" });
      },
      onError: (error) => markFieldErrors(form, error, ["name"]),
    }),
  );

  return (
    <Modal opened={opened} onClose={close} title="Create organization" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text fz="sm" c="dimmed">
            An organization holds your team, clients and engagements. You will be its owner.
          </Text>
          <ErrorAlert message={create.error ? errorMessage(create.error) : null} />
          <TextInput
            label="Organization name"
            placeholder="Acme Customer Success"
            required
            data-autofocus
            {...form.getInputProps("name")}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create organization
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
