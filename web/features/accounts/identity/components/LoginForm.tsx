import { Button, Group, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { LoginBody, type MeResponse } from "../../../../../src/features/accounts/identity/contract";
import { errorMessage, isApiError } from "../../../../api/api-error";
import { markFieldErrors } from "../../../../api/form-errors";
import { formValidator } from "../../../../api/form-validator";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { TextLink } from "../../../../ui/RouterLink";
import { useLogin } from "../queries";
import { ResendConfirmation } from "./ResendConfirmation";

type LoginFormProps = { initialEmail?: string; onSignedIn: (me: MeResponse) => void };

export function LoginForm({ initialEmail = "", onSignedIn }: LoginFormProps) {
  const login = useLogin();
  const form = useForm<LoginBody>({
    mode: "controlled",
    initialValues: { email: initialEmail, password: "" },
    validate: formValidator(LoginBody),
  });

  const submit = form.onSubmit((values) =>
    login.mutate(values, {
      onSuccess: onSignedIn,
      onError: (error) => markFieldErrors(form, error, ["email", "password"]),
    }),
  );
  const notConfirmed = isApiError(login.error) && login.error.code === "email_not_confirmed";

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ErrorAlert message={login.error ? errorMessage(login.error) : null} title="Could not sign in" />
        {notConfirmed ? <ResendConfirmation email={form.values.email} /> : null}
        <TextInput label="Email" type="email" autoComplete="email" required {...form.getInputProps("email")} />
        <PasswordInput label="Password" autoComplete="current-password" required {...form.getInputProps("password")} />
        <Group justify="flex-end" mt={-6}>
          <TextLink to="/forgot-password" fz="sm">
            Forgot password?
          </TextLink>
        </Group>
        <Button type="submit" fullWidth size="md" loading={login.isPending}>
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
