import { Button, Group, NumberInput, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useEffect } from "react";
import { errorMessage, isApiError } from "../../../../api/api-error";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { LoadingBlock } from "../../../../ui/LoadingBlock";
import { SectionCard } from "../../../../ui/SectionCard";
import {
  type FormulaValues,
  formulaToValues,
  toFormulaFormErrors,
  validateFormula,
  valuesToFormula,
} from "../formula-form";
import { type ScoreFormula, useSaveScoreFormula, useScoreFormula } from "../queries";
import { MetricRowsField } from "./MetricRowsField";

/** Admins tune the SuccessScore: component weights, fading, staleness and the review gap. Saving makes a new version. */
export function ScoreFormulaCard({ orgId }: { orgId: string }) {
  const formula = useScoreFormula(orgId);
  return (
    <SectionCard
      title="SuccessScore formula"
      description={
        formula.data
          ? `Version ${formula.data.version}. Saving creates a new version; scores are kept per version, so old and new can be compared.`
          : "How the SuccessScore is computed."
      }
    >
      {formula.isPending ? <LoadingBlock label="Loading formula" /> : null}
      <ErrorAlert message={formula.error ? errorMessage(formula.error) : null} title="Could not load the formula" />
      {formula.data ? <FormulaForm orgId={orgId} formula={formula.data} /> : null}
    </SectionCard>
  );
}

function FormulaForm({ orgId, formula }: { orgId: string; formula: ScoreFormula }) {
  const save = useSaveScoreFormula(orgId);
  const form = useForm<FormulaValues>({
    mode: "controlled",
    initialValues: formulaToValues(formula),
    validate: validateFormula,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when a new version arrives
  useEffect(() => {
    form.setValues(formulaToValues(formula));
    form.resetDirty();
  }, [formula.version]);
  const submit = form.onSubmit((values) =>
    save.mutate(valuesToFormula(values), {
      onSuccess: (saved) => notifications.show({ color: "teal", message: `Formula version ${saved.version} saved.` }),
      onError: (error) => {
        if (isApiError(error)) form.setErrors(toFormulaFormErrors(error.fields, values));
      },
    }),
  );
  const weights = valuesToFormula(form.values).weights;
  const total = weights.pulse + weights.usage + Object.values(weights.metrics ?? {}).reduce((a, b) => a + (b || 0), 0);
  const share = (weight: number) =>
    total > 0 && weight >= 0 ? `${Math.round((weight / total) * 100)}% of the score` : "";

  return (
    <form onSubmit={submit} noValidate aria-label="SuccessScore formula">
      <Stack gap="md">
        <ErrorAlert message={save.error ? errorMessage(save.error) : null} title="Could not save the formula" />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <NumberInput
            label="Pulse weight"
            description={share(weights.pulse)}
            min={0}
            max={100}
            {...form.getInputProps("pulseWeight")}
          />
          <NumberInput
            label="Usage weight"
            description={share(weights.usage)}
            min={0}
            max={100}
            {...form.getInputProps("usageWeight")}
          />
          <TextInput
            label="Usage metric"
            description="Imported weekly figure; last 4 weeks vs the 8 before"
            {...form.getInputProps("usageMetric")}
          />
        </SimpleGrid>
        <MetricRowsField form={form} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <NumberInput
            label="Pulse half-life (days)"
            description="The pulse's pull away from neutral halves this often"
            min={1}
            max={3650}
            {...form.getInputProps("pulseHalfLifeDays")}
          />
          <NumberInput
            label="Stale after (days)"
            description="An older pulse is shown as stale"
            min={1}
            max={3650}
            allowDecimal={false}
            {...form.getInputProps("staleAfterDays")}
          />
          <NumberInput
            label="Review gap (points)"
            description="Pulse and score this far apart flag a review"
            min={1}
            max={100}
            {...form.getInputProps("reviewGap")}
          />
        </SimpleGrid>
        <Text fz="xs" c="dimmed">
          A component without data for a client drops out and its weight is shared among the others.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => form.setValues(formulaToValues(formula))} disabled={!form.isDirty()}>
            Discard changes
          </Button>
          <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
            Save new version
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
