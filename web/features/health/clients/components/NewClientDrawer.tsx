import { Button, Drawer, Group, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useNavigate } from "@tanstack/react-router";
import { errorMessage, isApiError } from "../../../../api/api-error";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import {
  type ClientFormValues,
  emptyClientForm,
  formToBody,
  toFormErrors,
  validateClientForm,
} from "../client-form-values";
import { useCreateClient } from "../queries";
import { ClientFormFields } from "./ClientFormFields";

type NewClientDrawerProps = { orgId: string; opened: boolean; onClose: () => void };

/** Creates a client; field errors (ours or the server's) show on the fields, then the client opens. */
export function NewClientDrawer({ orgId, opened, onClose }: NewClientDrawerProps) {
  const create = useCreateClient(orgId);
  const navigate = useNavigate();
  const form = useForm<ClientFormValues>({
    mode: "controlled",
    initialValues: emptyClientForm(),
    validate: validateClientForm,
  });
  const close = () => {
    form.reset();
    create.reset();
    onClose();
  };
  const submit = form.onSubmit((values) =>
    create.mutate(formToBody(values), {
      onSuccess: (client) => {
        notifications.show({ color: "teal", title: "Client created", message: `${client.name} was added.` });
        close();
        void navigate({ to: "/pulse/clients/$clientId", params: { clientId: client.id } });
      },
      onError: (error) => {
        if (isApiError(error)) form.setErrors(toFormErrors(error.fields));
      },
    }),
  );

  return (
    <Drawer opened={opened} onClose={close} title="New client" position="right" size="lg" padding="lg">
      <form onSubmit={submit} noValidate aria-label="New client">
        <Stack gap="lg">
          <ErrorAlert message={create.error ? errorMessage(create.error) : null} title="Could not create the client" />
          <ClientFormFields form={form} orgId={orgId} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create client
            </Button>
          </Group>
        </Stack>
      </form>
    </Drawer>
  );
}
