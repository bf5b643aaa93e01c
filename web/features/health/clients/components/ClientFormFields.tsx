import { Autocomplete, NumberInput, Select, SimpleGrid, Stack, TagsInput, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useMembers } from "../../../accounts/organizations/queries";
import type { ClientFormValues } from "../client-form-values";
import { CLIENT_STATUS_LABELS, CLIENT_STATUSES } from "../client-status-display";
import { currencyDigits } from "../money";
import { useClientFacets } from "../queries";
import { ContactsField } from "./ContactsField";

const CURRENCIES = Intl.supportedValuesOf("currency");
const STATUS_OPTIONS = CLIENT_STATUSES.map((status) => ({ value: status, label: CLIENT_STATUS_LABELS[status] }));

type ClientFormFieldsProps = {
  form: UseFormReturnType<ClientFormValues>;
  orgId: string;
  /** Edits ask when changes to type, CSM, status and money take effect; `today` caps it. */
  effectiveDateMax?: string;
};

/** The client's fields, shared by the "New client" and "Edit client" drawers. */
export function ClientFormFields({ form, orgId, effectiveDateMax }: ClientFormFieldsProps) {
  const members = useMembers(orgId);
  const facets = useClientFacets(orgId);
  const csmOptions = (members.data?.members ?? []).map((member) => ({ value: member.userId, label: member.name }));
  const { currency } = form.values;
  const money = (field: "arr" | "mrr" | "acv", label: string) => (
    <NumberInput
      label={label}
      min={0}
      hideControls
      thousandSeparator=","
      decimalScale={currencyDigits(currency)}
      leftSection={currency}
      leftSectionWidth={48}
      placeholder="0"
      {...form.getInputProps(field)}
    />
  );

  return (
    <Stack gap="md">
      <TextInput label="Name" required data-autofocus {...form.getInputProps("name")} />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <Autocomplete
          label="Client type"
          placeholder="Enterprise"
          data={facets.data?.clientTypes ?? []}
          {...form.getInputProps("clientType")}
        />
        <Select label="Status" data={STATUS_OPTIONS} allowDeselect={false} {...form.getInputProps("status")} />
        <Select
          label="Assigned CSM"
          placeholder={members.isPending ? "Loading members…" : "Nobody yet"}
          data={csmOptions}
          searchable
          clearable
          nothingFoundMessage="No member by that name"
          {...form.getInputProps("assignedCsmId")}
        />
        <TextInput
          label="External id"
          description="Your CRM's id; imports match on it"
          {...form.getInputProps("externalId")}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <Select
          label="Currency"
          data={CURRENCIES}
          searchable
          allowDeselect={false}
          {...form.getInputProps("currency")}
        />
        {money("arr", "ARR")}
        {money("mrr", "MRR")}
        {money("acv", "ACV")}
        <TextInput type="date" label="Next renewal" {...form.getInputProps("nextRenewalDate")} />
        <TextInput
          type="date"
          label="Client since"
          description="When the relationship started"
          {...form.getInputProps("clientSince")}
        />
      </SimpleGrid>
      <TagsInput
        label="Tags"
        placeholder="Type a tag and press Enter"
        maxTags={30}
        clearable
        {...form.getInputProps("tags")}
      />
      <ContactsField form={form} />
      {effectiveDateMax ? (
        <TextInput
          type="date"
          label="Changes take effect on"
          description="Type, CSM, status and money keep dated history; leave empty for today"
          max={effectiveDateMax}
          {...form.getInputProps("effectiveDate")}
        />
      ) : null}
    </Stack>
  );
}
