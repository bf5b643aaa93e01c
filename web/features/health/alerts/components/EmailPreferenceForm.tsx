import { Button, Group, Radio, Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useEffect, useState } from "react";
import type { EmailMode } from "../../../../../src/features/health/alerts/contract";
import { errorMessage } from "../../../../api/api-error";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { LoadingBlock } from "../../../../ui/LoadingBlock";
import { SectionCard } from "../../../../ui/SectionCard";
import { useNotificationPreferences, useSaveNotificationPreferences } from "../queries";

const CHOICES: { value: EmailMode; label: string; description: string }[] = [
  {
    value: "realtime",
    label: "Real-time",
    description: "An email for each alert, escalation or reminder as it happens.",
  },
  { value: "digest", label: "Daily digest", description: "One email a day (08:00 UTC) with everything new." },
  { value: "off", label: "No email", description: "Only the inbox in Pulse." },
];

/** The person's choice of email for this organization's alerts; the inbox always gets them. */
export function EmailPreferenceForm({ orgId }: { orgId: string }) {
  const preferences = useNotificationPreferences(orgId);
  const save = useSaveNotificationPreferences(orgId);
  const [mode, setMode] = useState<EmailMode | null>(null);
  useEffect(() => {
    if (preferences.data) setMode(preferences.data.emailMode);
  }, [preferences.data]);

  return (
    <SectionCard title="Email me" description="How you hear about alerts in this organization by email.">
      {preferences.isPending ? <LoadingBlock label="Loading your email choice" /> : null}
      <ErrorAlert message={preferences.error ? errorMessage(preferences.error) : null} />
      <ErrorAlert message={save.error ? errorMessage(save.error) : null} />
      {mode ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate(
              { emailMode: mode },
              { onSuccess: () => notifications.show({ color: "teal", message: "Email choice saved" }) },
            );
          }}
        >
          <Stack gap="md">
            <Radio.Group value={mode} onChange={(value) => setMode(value as EmailMode)} aria-label="Email choice">
              <Stack gap="sm">
                {CHOICES.map((choice) => (
                  <Radio
                    key={choice.value}
                    value={choice.value}
                    label={choice.label}
                    description={choice.description}
                  />
                ))}
              </Stack>
            </Radio.Group>
            <Group>
              <Button type="submit" loading={save.isPending} disabled={mode === preferences.data?.emailMode}>
                Save
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </SectionCard>
  );
}
