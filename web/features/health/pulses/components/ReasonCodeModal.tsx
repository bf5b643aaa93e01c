import { Autocomplete, Button, Group, Modal, Select, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useEffect } from "react";
import type { ReasonCode } from "../../../../../src/features/health/pulses/contract";
import { CreateReasonCodeBody } from "../../../../../src/features/health/pulses/contract";
import { errorMessage } from "../../../../api/api-error";
import { markFieldErrors } from "../../../../api/form-errors";
import { formValidator } from "../../../../api/form-validator";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { useCreateReasonCode, useUpdateReasonCode } from "../queries";

const KINDS = [
  { value: "risk", label: "Risk: explains a risk level" },
  { value: "success", label: "Success: explains a satisfied level" },
  { value: "both", label: "Either" },
];
const FIELDS = ["code", "label", "category", "kind"];
const validate = formValidator(CreateReasonCodeBody);

type ReasonCodeModalProps = {
  orgId: string;
  opened: boolean;
  /** The code to edit, or null to add one. */
  editing: ReasonCode | null;
  categories: string[];
  onClose: () => void;
};

/** Adds a reason code or edits one's label, category and kind (the code itself never changes). */
export function ReasonCodeModal({ orgId, opened, editing, categories, onClose }: ReasonCodeModalProps) {
  const create = useCreateReasonCode(orgId);
  const update = useUpdateReasonCode(orgId);
  const saving = editing ? update : create;
  const form = useForm<CreateReasonCodeBody>({
    mode: "controlled",
    initialValues: { code: "", label: "", category: "", kind: "risk" },
    validate,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset each time the dialog opens
  useEffect(() => {
    if (!opened) return;
    form.setValues(editing ?? { code: "", label: "", category: "", kind: "risk" });
    form.clearErrors();
    create.reset();
    update.reset();
  }, [opened, editing]);

  const done = (code: ReasonCode) => {
    notifications.show({ color: "teal", message: `“${code.label}” was saved.` });
    onClose();
  };
  const onError = (error: Error) => markFieldErrors(form, error, FIELDS);
  const submit = form.onSubmit(({ code, ...fields }) =>
    editing
      ? update.mutate({ id: editing.id, ...fields }, { onSuccess: done, onError })
      : create.mutate({ code, ...fields }, { onSuccess: done, onError }),
  );

  return (
    <Modal opened={opened} onClose={onClose} title={editing ? "Edit reason code" : "Add reason code"} centered>
      <form onSubmit={submit} noValidate aria-label={editing ? "Edit reason code" : "Add reason code"}>
        <Stack gap="md">
          <ErrorAlert
            message={saving.error ? errorMessage(saving.error) : null}
            title="Could not save the reason code"
          />
          <TextInput label="Label" required data-autofocus {...form.getInputProps("label")} />
          <TextInput
            label="Code"
            description="Lowercase letters, digits and underscores; used in imports and exports"
            required
            disabled={editing !== null}
            {...form.getInputProps("code")}
          />
          <Autocomplete
            label="Category"
            description="Pick one or type a new category"
            data={categories}
            required
            {...form.getInputProps("category")}
          />
          <Select label="Kind" data={KINDS} allowDeselect={false} required {...form.getInputProps("kind")} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving.isPending}>
              {editing ? "Save" : "Add reason code"}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
