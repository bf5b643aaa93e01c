import { Button, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { SignupBody } from "../../../../../src/features/accounts/identity/contract";
import { errorMessage } from "../../../../api/api-error";
import { markFieldErrors } from "../../../../api/form-errors";
import { formValidator } from "../../../../api/form-validator";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { useSignup } from "../queries";

type SignupFormProps = { initialEmail?: string; onSignedUp: (email: string) => void };

export function SignupForm({ initialEmail = "", onSignedUp }: SignupFormProps) {
  const signup = useSignup();
  const form = useForm<SignupBody>({
    mode: "controlled",
    initialValues: { name: "", email: initialEmail, password: "" },
    validate: formValidator(SignupBody),
  });

  const submit = form.onSubmit((values) =>
    signup.mutate(values, {
      onSuccess: () => onSignedUp(values.email.trim().toLowerCase()),
      onError: (error) => markFieldErrors(form, error, ["name", "email", "password"]),
    }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ErrorAlert message={signup.error ? errorMessage(signup.error) : null} title="Could not create the account" />
        <TextInput label="Full name" autoComplete="name" required {...form.getInputProps("name")} />
        <TextInput label="Work email" type="email" autoComplete="email" required {...form.getInputProps("email")} />
        <PasswordInput
          label="Password"
          description="At least 10 characters. A short phrase is easy to remember."
          autoComplete="new-password"
          required
          {...form.getInputProps("password")}
        />
        <Button type="submit" fullWidth size="md" loading={signup.isPending}>
          Create account
        </Button>
        <Text fz="xs" c="dimmed" ta="center">
          We'll email you a link to confirm your address before you sign in.
        </Text>
      </Stack>
    </form>
  );
}
