import { Button, Group, Paper, Select, SimpleGrid, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import {
  type AlertSettings,
  AlertThreshold,
  PRIMARY_METRICS,
} from "../../../../../src/features/health/alerts/contract";
import { errorMessage } from "../../../../api/api-error";
import { markFieldErrors } from "../../../../api/form-errors";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { LoadingBlock } from "../../../../ui/LoadingBlock";
import { useAlertSettings, useSaveAlertSettings } from "../../alerts/queries";

type Values = { primaryMetric: AlertSettings["primaryMetric"]; currency: string; fiscalStartMonth: string };
const FIELDS = ["primaryMetric", "currency", "fiscalStartMonth"] as const;
const METRIC_LABELS: Record<AlertSettings["primaryMetric"], string> = {
  arr: "ARR (annual recurring revenue)",
  mrr: "MRR (monthly recurring revenue)",
  acv: "ACV (annual contract value)",
};
const CURRENCIES = Intl.supportedValuesOf("currency");
const MONTHS = Array.from({ length: 12 }, (_, i) => ({
  value: String(i + 1),
  label: new Date(Date.UTC(2026, i, 1)).toLocaleString("en-US", { month: "long", timeZone: "UTC" }),
}));

const valuesOf = (s: AlertSettings): Values => ({
  primaryMetric: s.primaryMetric,
  currency: s.currency,
  fiscalStartMonth: String(s.fiscalStartMonth),
});

function MoneySettingsForm({ orgId, settings }: { orgId: string; settings: AlertSettings }) {
  const queryClient = useQueryClient();
  const save = useSaveAlertSettings(orgId);
  const form = useForm<Values>({ mode: "controlled", initialValues: valuesOf(settings) });
  const submit = form.onSubmit((values) =>
    save.mutate(
      {
        // The same settings document as the alert settings: send those as they are.
        alertThreshold: AlertThreshold.parse(settings.alertThreshold),
        escalateAfterHours: settings.escalateAfterHours,
        reminderDays: settings.reminderDays,
        webhookUrl: settings.webhookUrl,
        primaryMetric: values.primaryMetric,
        currency: values.currency,
        fiscalStartMonth: Number(values.fiscalStartMonth),
      },
      {
        onSuccess: (saved) => {
          form.setValues(valuesOf(saved));
          form.resetDirty(valuesOf(saved));
          notifications.show({ color: "teal", message: "Money and fiscal year saved" });
          // Lists, reports and segment quarters all read these.
          return queryClient.invalidateQueries({ queryKey: ["health", orgId] });
        },
        onError: (error) => markFieldErrors(form, error, FIELDS),
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate aria-label="Money and fiscal year">
      <Stack gap="md" maw={720}>
        <ErrorAlert message={save.error ? errorMessage(save.error) : null} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label="Primary metric"
            description="The money figure lists and reports show first"
            data={PRIMARY_METRICS.map((m) => ({ value: m, label: METRIC_LABELS[m] }))}
            allowDeselect={false}
            {...form.getInputProps("primaryMetric")}
          />
          <Select
            label="Currency"
            description="The currency of totals"
            data={CURRENCIES}
            searchable
            allowDeselect={false}
            {...form.getInputProps("currency")}
          />
          <Select
            label="Fiscal year starts in"
            description={`Where "renewing in Q1" starts`}
            data={MONTHS}
            allowDeselect={false}
            {...form.getInputProps("fiscalStartMonth")}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The organization's primary money metric, currency and fiscal year start (admins). */
export function MoneySettingsCard({ orgId }: { orgId: string }) {
  const settings = useAlertSettings(orgId);
  return (
    <Paper withBorder p="lg">
      <Stack gap="md">
        <Text fz="sm" c="dimmed">
          Client money is kept in each client's own currency; totals are shown in the organization's currency.
        </Text>
        {settings.isPending ? <LoadingBlock label="Loading settings" /> : null}
        <ErrorAlert
          message={settings.error ? errorMessage(settings.error) : null}
          title="Could not load the settings"
        />
        {settings.data ? <MoneySettingsForm orgId={orgId} settings={settings.data} /> : null}
      </Stack>
    </Paper>
  );
}
