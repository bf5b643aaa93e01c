import { Button, Text } from "@mantine/core";
import { errorMessage } from "../../../../api/api-error";
import { useResendConfirmation } from "../queries";

/** Lets someone whose email is not confirmed ask for a new confirmation link. */
export function ResendConfirmation({ email }: { email: string }) {
  const resend = useResendConfirmation();
  if (resend.isSuccess) {
    return (
      <Text fz="sm" role="status">
        {resend.data.message}
      </Text>
    );
  }
  return (
    <>
      <Button variant="light" onClick={() => resend.mutate({ email })} loading={resend.isPending} disabled={!email}>
        Send a new confirmation link
      </Button>
      {resend.error ? (
        <Text fz="sm" c="red.9" role="alert">
          {errorMessage(resend.error)}
        </Text>
      ) : null}
    </>
  );
}
