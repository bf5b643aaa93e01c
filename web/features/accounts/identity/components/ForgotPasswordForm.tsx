import { Button, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { PasswordResetBody } from "../../../../../src/features/accounts/identity/contract";
import { errorMessage } from "../../../../api/api-error";
import { markFieldErrors } from "../../../../api/form-errors";
import { formValidator } from "../../../../api/form-validator";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { useRequestPasswordReset } from "../queries";

export function ForgotPasswordForm({ onSent }: { onSent: (email: string) => void }) {
  const request = useRequestPasswordReset();
  const form = useForm<PasswordResetBody>({
    mode: "controlled",
    initialValues: { email: "" },
    validate: formValidator(PasswordResetBody),
  });
  const submit = form.onSubmit((values) =>
    request.mutate(values, {
      onSuccess: () => onSent(values.email.trim()),
      onError: (error) => markFieldErrors(form, error, ["email"]),
    }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ErrorAlert message={request.error ? errorMessage(request.error) : null} />
        <TextInput label="Email" type="email" autoComplete="email" required {...form.getInputProps("email")} />
        <Button type="submit" fullWidth size="md" loading={request.isPending}>
          Send reset link
        </Button>
      </Stack>
    </form>
  );
}
