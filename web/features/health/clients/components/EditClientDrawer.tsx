import { Button, Drawer, Group, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useEffect } from "react";
import type { Client } from "../../../../../src/features/health/clients/contract";
import { errorMessage, isApiError } from "../../../../api/api-error";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { todayIn } from "../calendar-date";
import {
  type ClientFormValues,
  clientToForm,
  formToBody,
  toFormErrors,
  validateClientForm,
} from "../client-form-values";
import { useUpdateClient } from "../queries";
import { ClientFormFields } from "./ClientFormFields";

type EditClientDrawerProps = { orgId: string; client: Client; timeZone: string; opened: boolean; onClose: () => void };

/** Edits a client's fields; changes to type, CSM, status or money start a new dated version. */
export function EditClientDrawer({ orgId, client, timeZone, opened, onClose }: EditClientDrawerProps) {
  const update = useUpdateClient(orgId, client.id);
  const form = useForm<ClientFormValues>({
    mode: "controlled",
    initialValues: clientToForm(client),
    validate: validateClientForm,
  });
  // Start from the saved client each time the drawer opens.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only on opening
  useEffect(() => {
    if (opened) {
      form.setValues(clientToForm(client));
      form.resetDirty();
      form.clearErrors();
      update.reset();
    }
  }, [opened]);

  const submit = form.onSubmit((values) =>
    update.mutate(formToBody(values), {
      onSuccess: (saved) => {
        notifications.show({ color: "teal", message: `${saved.name} was saved.` });
        onClose();
      },
      onError: (error) => {
        if (isApiError(error)) form.setErrors(toFormErrors(error.fields));
      },
    }),
  );

  return (
    <Drawer opened={opened} onClose={onClose} title={`Edit ${client.name}`} position="right" size="lg" padding="lg">
      <form onSubmit={submit} noValidate aria-label="Edit client">
        <Stack gap="lg">
          <ErrorAlert message={update.error ? errorMessage(update.error) : null} title="Could not save the client" />
          <ClientFormFields form={form} orgId={orgId} effectiveDateMax={todayIn(timeZone)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending}>
              Save changes
            </Button>
          </Group>
        </Stack>
      </form>
    </Drawer>
  );
}
