import { Button, Group, NumberInput, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import {
  type AlertSettings,
  AlertSettingsBody,
  AlertThreshold,
} from "../../../../../src/features/health/alerts/contract";
import { errorMessage } from "../../../../api/api-error";
import { markFieldErrors } from "../../../../api/form-errors";
import { formValidator } from "../../../../api/form-validator";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { PULSE_LEVEL_LABELS } from "../../pulses/pulse-level-display";
import { useSaveAlertSettings } from "../queries";

type Values = {
  alertThreshold: AlertSettingsBody["alertThreshold"];
  escalateAfterHours: number;
  reminderDays: number;
  webhookUrl: string;
  webhookSecret: string;
};
const FIELDS = ["alertThreshold", "escalateAfterHours", "reminderDays", "webhookUrl", "webhookSecret"] as const;

const THRESHOLDS = AlertThreshold.options.map((level) => ({
  value: level,
  label: `${PULSE_LEVEL_LABELS[level]} or worse`,
}));

/** 32 random bytes as hex: a signing secret the admin can paste into the receiving end. */
function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

const initialValues = (settings: AlertSettings): Values => ({
  alertThreshold: AlertThreshold.safeParse(settings.alertThreshold).data ?? "some_risk",
  escalateAfterHours: settings.escalateAfterHours,
  reminderDays: settings.reminderDays,
  webhookUrl: settings.webhookUrl ?? "",
  webhookSecret: "",
});

/** Admins' alert settings: threshold, escalation, reminders and the optional signed webhook. */
export function AlertSettingsForm({ orgId, settings }: { orgId: string; settings: AlertSettings }) {
  const save = useSaveAlertSettings(orgId);
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: initialValues(settings),
    validate: formValidator(AlertSettingsBody),
  });
  const submit = form.onSubmit((values) =>
    save.mutate(values, {
      onSuccess: (saved) => {
        form.setValues(initialValues(saved));
        form.resetDirty(initialValues(saved));
        notifications.show({ color: "teal", message: "Alert settings saved" });
      },
      onError: (error) => markFieldErrors(form, error, FIELDS),
    }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={720}>
        <ErrorAlert message={save.error ? errorMessage(save.error) : null} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label="Raise an alert at"
            data={THRESHOLDS}
            allowDeselect={false}
            {...form.getInputProps("alertThreshold")}
          />
          <NumberInput
            label="Escalate unclaimed alerts after"
            suffix=" hours"
            min={1}
            max={720}
            allowDecimal={false}
            {...form.getInputProps("escalateAfterHours")}
          />
          <NumberInput
            label="Remind CSMs after"
            description="Also when a pulse counts as stale"
            suffix=" days"
            min={1}
            max={365}
            allowDecimal={false}
            {...form.getInputProps("reminderDays")}
          />
        </SimpleGrid>
        <TextInput
          label="Webhook URL (optional)"
          description="A Slack incoming webhook or any endpoint that accepts Slack-style JSON. Leave empty for none."
          placeholder="https://hooks.slack.com/services/…"
          {...form.getInputProps("webhookUrl")}
        />
        <Stack gap={6} align="flex-start">
          <PasswordInput
            label="Signing secret"
            description={
              settings.webhookSecretSet
                ? "A secret is stored. Leave empty to keep it, or enter a new one."
                : "Requests carry X-Pulse-Signature: sha256=HMAC of the body with this secret."
            }
            w="100%"
            autoComplete="new-password"
            {...form.getInputProps("webhookSecret")}
          />
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => form.setFieldValue("webhookSecret", randomSecret())}
          >
            Generate a secret
          </Button>
        </Stack>
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
            Save alert settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** What members see: the settings in words (the webhook URL is for admins only). */
export function AlertSettingsSummary({ settings }: { settings: AlertSettings }) {
  return (
    <Stack gap={4}>
      <Text fz="sm">
        Alerts are raised when a pulse is set to {PULSE_LEVEL_LABELS[settings.alertThreshold]} or worse, and escalate to
        the owners after {settings.escalateAfterHours} hours unclaimed.
      </Text>
      <Text fz="sm">CSMs are reminded of clients whose pulse was not set in {settings.reminderDays} days.</Text>
      <Text fz="sm">{settings.webhookConfigured ? "Alerts are also posted to a webhook." : "No webhook is set."}</Text>
    </Stack>
  );
}
