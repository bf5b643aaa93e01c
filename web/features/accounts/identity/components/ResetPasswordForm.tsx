import { Button, PasswordInput, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { NewPassword } from "../../../../../src/features/accounts/identity/contract";
import { errorMessage } from "../../../../api/api-error";
import { markFieldErrors } from "../../../../api/form-errors";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { useConfirmPasswordReset } from "../queries";

type Values = { password: string; confirm: string };

export function ResetPasswordForm({ token, onReset }: { token: string; onReset: () => void }) {
  const reset = useConfirmPasswordReset();
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: { password: "", confirm: "" },
    validate: {
      password: (value) => {
        const result = NewPassword.safeParse(value);
        return result.success ? null : `Password ${result.error.issues[0]?.message ?? "is not valid"}`;
      },
      confirm: (value, values) => (value === values.password ? null : "The passwords do not match"),
    },
  });
  const submit = form.onSubmit((values) =>
    reset.mutate(
      { token, password: values.password },
      { onSuccess: onReset, onError: (error) => markFieldErrors(form, error, ["password"]) },
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ErrorAlert message={reset.error ? errorMessage(reset.error) : null} title="Could not reset the password" />
        <PasswordInput
          label="New password"
          description="At least 10 characters."
          autoComplete="new-password"
          required
          {...form.getInputProps("password")}
        />
        <PasswordInput
          label="Confirm new password"
          autoComplete="new-password"
          required
          {...form.getInputProps("confirm")}
        />
        <Button type="submit" fullWidth size="md" loading={reset.isPending}>
          Set new password
        </Button>
      </Stack>
    </form>
  );
}
