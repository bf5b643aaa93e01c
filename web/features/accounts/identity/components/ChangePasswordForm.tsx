import { Button, Group, PasswordInput, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { NewPassword } from "../../../../../src/features/accounts/identity/contract";
import { errorMessage } from "../../../../api/api-error";
import { markFieldErrors } from "../../../../api/form-errors";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { useChangePassword } from "../queries";

type Values = { currentPassword: string; newPassword: string; confirm: string };

export function ChangePasswordForm() {
  const change = useChangePassword();
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: { currentPassword: "", newPassword: "", confirm: "" },
    validate: {
      currentPassword: (value) => (value ? null : "Enter your current password"),
      newPassword: (value) => {
        const result = NewPassword.safeParse(value);
        return result.success ? null : `Password ${result.error.issues[0]?.message ?? "is not valid"}`;
      },
      confirm: (value, values) => (value === values.newPassword ? null : "The passwords do not match"),
    },
  });
  const submit = form.onSubmit(({ currentPassword, newPassword }) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: (result) => {
          form.reset();
          notifications.show({ color: "teal", title: "Password changed", message: result.message });
        },
        onError: (error) => markFieldErrors(form, error, ["currentPassword", "newPassword"]),
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={520}>
        <ErrorAlert message={change.error ? errorMessage(change.error) : null} title="Could not change the password" />
        <PasswordInput
          label="Current password"
          autoComplete="current-password"
          required
          {...form.getInputProps("currentPassword")}
        />
        <PasswordInput
          label="New password"
          description="At least 10 characters. Your other sessions will be signed out."
          autoComplete="new-password"
          required
          {...form.getInputProps("newPassword")}
        />
        <PasswordInput
          label="Confirm new password"
          autoComplete="new-password"
          required
          {...form.getInputProps("confirm")}
        />
        <Group>
          <Button type="submit" loading={change.isPending}>
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
