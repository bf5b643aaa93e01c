import { Button, Group, Modal, Paper, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useEffect } from "react";
import type { PulseEntry } from "../../../../../src/features/health/pulses/contract";
import { SetPulseBody } from "../../../../../src/features/health/pulses/contract";
import { errorMessage, isApiError } from "../../../../api/api-error";
import { formValidator } from "../../../../api/form-validator";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { formatDateTime } from "../../../../ui/format-date";
import { todayIn } from "../../clients/calendar-date";
import { PULSE_LEVEL_LABELS } from "../pulse-level-display";
import { useReasonCodes, useSetPulse } from "../queries";
import {
  correctionValues,
  newPulseValues,
  type SetPulseValues,
  setPulseBody,
  toPulseFormErrors,
} from "../set-pulse-form";
import { PulseBadge } from "./PulseBadge";
import { PulseLevelPicker } from "./PulseLevelPicker";
import { ReasonCodeSelect } from "./ReasonCodeSelect";

type SetPulseModalProps = {
  orgId: string;
  clientId: string;
  clientName: string;
  timeZone: string;
  opened: boolean;
  /** The entry being corrected, or null to set a new pulse. */
  correcting: PulseEntry | null;
  onClose: () => void;
};

const validateBody = formValidator(SetPulseBody);

/** Sets a client's pulse (level, note, up to three reasons, the day it took effect), or corrects an entry. */
export function SetPulseModal({
  orgId,
  clientId,
  clientName,
  timeZone,
  opened,
  correcting,
  onClose,
}: SetPulseModalProps) {
  const setPulse = useSetPulse(orgId, clientId);
  const reasonCodes = useReasonCodes(orgId);
  const today = todayIn(timeZone);
  const context = { today, timeZone, correcting };
  const form = useForm<SetPulseValues>({
    mode: "controlled",
    initialValues: newPulseValues(today),
    validate: (values) => ({
      ...toPulseFormErrors(validateBody(setPulseBody(values, context))),
      ...(values.level ? {} : { level: "Choose a pulse level" }),
    }),
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset each time the dialog opens
  useEffect(() => {
    if (!opened) return;
    form.setValues(correcting ? correctionValues(correcting, timeZone) : newPulseValues(today));
    form.clearErrors();
    setPulse.reset();
  }, [opened, correcting]);

  const submit = form.onSubmit((values) =>
    setPulse.mutate(setPulseBody(values, context), {
      onSuccess: (entry) => {
        notifications.show({
          color: "teal",
          title: correcting ? "Pulse corrected" : "Pulse set",
          message: `${clientName} is now ${PULSE_LEVEL_LABELS[entry.level]}.`,
        });
        onClose();
      },
      onError: (error) => {
        if (isApiError(error)) form.setErrors(toPulseFormErrors(error.fields));
      },
    }),
  );

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={correcting ? "Correct a pulse entry" : `Set pulse for ${clientName}`}
      size="lg"
      centered
    >
      <form onSubmit={submit} noValidate aria-label={correcting ? "Correct pulse" : "Set pulse"}>
        <Stack gap="md">
          <ErrorAlert message={setPulse.error ? errorMessage(setPulse.error) : null} title="Could not save the pulse" />
          {correcting ? (
            <Paper withBorder p="sm" bg="gray.0" radius="md">
              <Stack gap={4}>
                <Group gap="xs">
                  <Text fz="sm" fw={600}>
                    Correcting
                  </Text>
                  <PulseBadge level={correcting.level} size="sm" />
                  <Text fz="sm" c="dimmed">
                    of {formatDateTime(correcting.effectiveAt, timeZone)}
                  </Text>
                </Group>
                <Text fz="xs" c="dimmed">
                  The original entry stays in the history, marked as corrected.
                </Text>
              </Stack>
            </Paper>
          ) : null}
          <PulseLevelPicker
            value={form.values.level}
            onChange={(level) => form.setFieldValue("level", level)}
            error={form.errors.level}
          />
          <Textarea
            label="Note"
            placeholder="What did you hear or see? What happens next?"
            autosize
            minRows={3}
            maxRows={10}
            {...form.getInputProps("note")}
          />
          <ReasonCodeSelect
            codes={reasonCodes.data ?? []}
            loading={reasonCodes.isPending}
            level={form.values.level}
            keep={correcting?.reasons.map((reason) => reason.id)}
            value={form.values.reasonCodeIds}
            onChange={(ids) => form.setFieldValue("reasonCodeIds", ids)}
            error={form.errors.reasonCodeIds}
          />
          <TextInput
            type="date"
            label="Took effect on"
            description="Change it only to record an earlier conversation"
            max={today}
            w={320}
            {...form.getInputProps("effectiveDay")}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={setPulse.isPending}>
              {correcting ? "Save correction" : "Set pulse"}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
