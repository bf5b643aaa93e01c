import { ActionIcon, Button, Checkbox, Fieldset, Group, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { type ClientFormValues, emptyContact } from "../client-form-values";

const MAX_CONTACTS = 50;

/** The client's contacts: add, edit, remove, and mark one as the primary contact. */
export function ContactsField({ form }: { form: UseFormReturnType<ClientFormValues> }) {
  const { contacts } = form.values;
  const setPrimary = (index: number, primary: boolean) =>
    form.setFieldValue(
      "contacts",
      contacts.map((c, i) => ({ ...c, primary: i === index ? primary : primary ? false : c.primary })),
    );
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text fw={500} fz="sm">
          Contacts
        </Text>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => form.insertListItem("contacts", emptyContact(contacts.length === 0))}
          disabled={contacts.length >= MAX_CONTACTS}
        >
          Add contact
        </Button>
      </Group>
      {contacts.length === 0 ? (
        <Text fz="sm" c="dimmed">
          No contacts yet.
        </Text>
      ) : null}
      {contacts.map((contact, index) => {
        const who = contact.name.trim() || `contact ${index + 1}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: contacts have no id; the list is edited in place
          <Fieldset key={index} legend={`Contact ${index + 1}`} variant="filled" p="sm">
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <TextInput label="Name" required {...form.getInputProps(`contacts.${index}.name`)} />
              <TextInput label="Email" type="email" {...form.getInputProps(`contacts.${index}.email`)} />
              <TextInput label="Title" {...form.getInputProps(`contacts.${index}.title`)} />
              <TextInput label="Phone" type="tel" {...form.getInputProps(`contacts.${index}.phone`)} />
            </SimpleGrid>
            <Group justify="space-between" mt="sm">
              <Checkbox
                label="Primary contact"
                checked={contact.primary}
                onChange={(event) => setPrimary(index, event.currentTarget.checked)}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                onClick={() => form.removeListItem("contacts", index)}
                aria-label={`Remove ${who}`}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          </Fieldset>
        );
      })}
    </Stack>
  );
}
