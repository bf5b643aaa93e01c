import { Button, Group, Modal, Stack, Switch, TextInput } from "@mantine/core";
import { useEffect, useState } from "react";
import { errorMessage, isApiError } from "../../../../api/api-error";
import { ErrorAlert } from "../../../../ui/ErrorAlert";

export type SaveSegmentValues = { name: string; shared: boolean };

type SaveSegmentModalProps = {
  opened: boolean;
  /** Saving changes to an existing segment, or a new one. */
  title: string;
  initial: SaveSegmentValues;
  saving: boolean;
  error: unknown;
  onClose: () => void;
  onSave: (values: SaveSegmentValues) => void;
};

/** Names a segment and chooses whether the whole organization sees it. */
export function SaveSegmentModal({ opened, title, initial, saving, error, onClose, onSave }: SaveSegmentModalProps) {
  const [values, setValues] = useState(initial);
  useEffect(() => {
    if (opened) setValues(initial);
  }, [opened, initial]);
  const fieldError = isApiError(error) ? error.fields.name : undefined;
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered closeButtonProps={{ "aria-label": "Close" }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSave(values);
        }}
      >
        <Stack>
          <ErrorAlert message={error && !fieldError ? errorMessage(error) : null} />
          <TextInput
            label="Name"
            placeholder="Severe Risk, renewing next quarter"
            required
            data-autofocus
            value={values.name}
            error={fieldError}
            onChange={(e) => setValues({ ...values, name: e.currentTarget.value })}
          />
          <Switch
            label="Share with the organization"
            description="Everyone in the organization can open and export it; only you and admins can change it."
            checked={values.shared}
            onChange={(e) => setValues({ ...values, shared: e.currentTarget.checked })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
