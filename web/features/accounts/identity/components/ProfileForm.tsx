import { Button, Group, Select, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMemo } from "react";
import { PersonName, type User } from "../../../../../src/features/accounts/identity/contract";
import { errorMessage } from "../../../../api/api-error";
import { markFieldErrors } from "../../../../api/form-errors";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { useUpdateProfile } from "../queries";

type Values = { name: string; timeZone: string };

function timeZones(current: string): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes(current) ? zones : [current, ...zones];
}

export function ProfileForm({ user }: { user: User }) {
  const update = useUpdateProfile();
  const zones = useMemo(() => timeZones(user.timeZone), [user.timeZone]);
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: { name: user.name, timeZone: user.timeZone },
    validate: {
      name: (value) => {
        const result = PersonName.safeParse(value);
        return result.success ? null : `Name ${result.error.issues[0]?.message ?? "is not valid"}`;
      },
      timeZone: (value) => (value ? null : "Choose a time zone"),
    },
  });
  const submit = form.onSubmit((values) =>
    update.mutate(values, {
      onSuccess: (me) => {
        form.resetDirty({ name: me.user.name, timeZone: me.user.timeZone });
        notifications.show({ color: "teal", message: "Profile saved" });
      },
      onError: (error) => markFieldErrors(form, error, ["name", "timeZone"]),
    }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={520}>
        <ErrorAlert message={update.error ? errorMessage(update.error) : null} />
        <TextInput label="Full name" autoComplete="name" required {...form.getInputProps("name")} />
        <TextInput label="Email" value={user.email} readOnly variant="filled" description="Your sign-in address." />
        <Select
          label="Time zone"
          description="Dates and times across Pulse are shown in this zone."
          data={zones}
          searchable
          allowDeselect={false}
          nothingFoundMessage="No matching time zone"
          required
          {...form.getInputProps("timeZone")}
        />
        <Group>
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
            Save profile
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
