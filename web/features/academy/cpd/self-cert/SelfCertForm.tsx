import { Button, Checkbox, FileInput, Group, NumberInput, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { CONTENT_TYPES } from "../../../../../src/features/academy/cpd/self-cert/contract";
import { markFieldErrors } from "../../../../api/form-errors";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { useSubmitSelfCertification } from "../queries";
import { EVIDENCE_ACCEPT, EVIDENCE_MAX_BYTES, fileToBase64 } from "./file-to-base64";

const FIELDS = ["contentType", "title", "provider", "hours", "minutes", "completedOn", "consent", "evidence"] as const;
const LABELS: Record<string, string> = {
  book: "Book",
  course: "Course",
  conference: "Conference",
  webinar: "Webinar",
  article: "Article",
  podcast: "Podcast",
  other: "Other",
};

type Values = {
  contentType: string | null;
  title: string;
  provider: string;
  hours: number | string;
  minutes: number | string;
  completedOn: string;
  consent: boolean;
  evidence: File | null;
};

/** Seed component 5: the CPD Self Certification form (name and email come from the account). */
export function SelfCertForm({ name, email }: { name: string; email: string }) {
  const submit = useSubmitSelfCertification();
  const form = useForm<Values>({
    initialValues: {
      contentType: null,
      title: "",
      provider: "",
      hours: 0,
      minutes: 0,
      completedOn: "",
      consent: false,
      evidence: null,
    },
  });
  const onSubmit = form.onSubmit(async (v) => {
    form.clearErrors();
    let evidence: { fileName: string; mediaType: "application/pdf"; contentBase64: string } | undefined;
    if (v.evidence) {
      if (v.evidence.size > EVIDENCE_MAX_BYTES) {
        form.setFieldError("evidence", "Must be at most 2 MB");
        return;
      }
      evidence = {
        fileName: v.evidence.name,
        mediaType: v.evidence.type as "application/pdf",
        contentBase64: await fileToBase64(v.evidence),
      };
    }
    try {
      const saved = await submit.mutateAsync({
        contentType: (v.contentType ?? "") as "book",
        title: v.title,
        provider: v.provider,
        hours: v.hours === "" ? Number.NaN : Number(v.hours),
        minutes: v.minutes === "" ? Number.NaN : Number(v.minutes),
        completedOn: v.completedOn,
        consent: v.consent,
        evidence,
      });
      notifications.show({ color: "teal", message: `${saved.hours}h ${saved.minutes}m added to your CPD record.` });
      form.reset();
    } catch (error) {
      markFieldErrors(form, error, FIELDS);
      const fields = (error as { fields?: Record<string, string> }).fields ?? {};
      const fileProblem = Object.entries(fields).find(([k]) => k.startsWith("evidence."));
      if (fileProblem) form.setFieldError("evidence", fileProblem[1]);
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="CPD self certification">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Name" value={name} readOnly description="From your account" />
          <TextInput label="Email" value={email} readOnly description="From your account" />
        </SimpleGrid>
        <Select
          label="Content type"
          placeholder="Choose one"
          required
          data={CONTENT_TYPES.map((value) => ({ value, label: LABELS[value] ?? value }))}
          {...form.getInputProps("contentType")}
        />
        <TextInput label="Title or description" required {...form.getInputProps("title")} />
        <TextInput label="Publisher / provider" required {...form.getInputProps("provider")} />
        <Group grow align="flex-start">
          <NumberInput label="Hours" min={0} max={100} allowDecimal={false} required {...form.getInputProps("hours")} />
          <NumberInput
            label="Minutes"
            min={0}
            max={60}
            allowDecimal={false}
            required
            {...form.getInputProps("minutes")}
          />
        </Group>
        <TextInput
          label="Date completed"
          type="date"
          required
          description="Within the last 12 months, not in the future"
          {...form.getInputProps("completedOn")}
        />
        <FileInput
          label="Evidence (optional)"
          description="A receipt, certificate or screenshot: PDF or image, up to 2 MB. Deleted 12 months after the completion date."
          accept={EVIDENCE_ACCEPT}
          clearable
          {...form.getInputProps("evidence")}
        />
        <Checkbox
          label="I confirm I completed this learning, agree to add these hours to my CPD record and to keep evidence for 12 months in case of an audit."
          {...form.getInputProps("consent", { type: "checkbox" })}
        />
        <ErrorAlert
          message={
            submit.error && Object.keys((submit.error as { fields?: object }).fields ?? {}).length === 0
              ? submit.error.message
              : null
          }
        />
        <Group>
          <Button type="submit" loading={submit.isPending}>
            Add to my CPD record
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
