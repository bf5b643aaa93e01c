import { Button, Group, Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import type { AdminProgramList, LearnerList } from "../../../../../src/features/academy/catalog/contract";
import { errorMessage, isApiError } from "../../../../api/api-error";
import { api, queryString } from "../../../../api/http-client";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { credentialKeys, useAward } from "../queries";

/** Staff award the credential of a module or level (e.g. certificates issued by training specialists). */
export function AwardDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [email, setEmail] = useState("");
  const [search] = useDebouncedValue(email.trim(), 300);
  const [userId, setUserId] = useState<string | null>(null);
  const [target, setTarget] = useState<string | null>(null);
  const award = useAward();
  const learners = useQuery({
    queryKey: [...credentialKeys.all, "learners", search],
    queryFn: () => api.get<LearnerList>(`/api/admin/academy/learners${queryString({ email: search })}`),
    enabled: opened && search.length >= 2,
  });
  const programs = useQuery({
    queryKey: [...credentialKeys.all, "programs"],
    queryFn: () => api.get<AdminProgramList>("/api/admin/academy/programs"),
    enabled: opened,
  });
  const targets = useMemo(
    () =>
      (programs.data?.programs ?? []).map((p) => ({
        group: p.title,
        items: p.levels.flatMap((l) => [
          { value: `level:${l.key}`, label: `Level ${l.number}: ${l.title}` },
          ...l.modules.map((m) => ({
            value: `module:${m.key}`,
            label: `Level ${l.number} · Module ${m.number}: ${m.title}`,
          })),
        ]),
      })),
    [programs.data],
  );
  const close = () => {
    setEmail("");
    setUserId(null);
    setTarget(null);
    award.reset();
    onClose();
  };
  const fields = award.error && isApiError(award.error) ? award.error.fields : {};
  return (
    <Modal opened={opened} onClose={close} title="Award a credential" centered size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const [object, key] = (target ?? ":").split(/:(.*)/s) as ["module" | "level", string];
          award.mutate(
            { userId: userId ?? "", object, key },
            {
              onSuccess: (c) => {
                notifications.show({
                  color: "teal",
                  title: "Credential awarded",
                  message: `${c.title} for ${c.holderName}`,
                });
                close();
              },
            },
          );
        }}
      >
        <Stack gap="md">
          <Text fz="sm">
            Issues the credential the module or level gives, as if the learner had just completed it. A learner holds
            each credential once: awarding it again changes nothing.
          </Text>
          <TextInput
            label="Learner's email"
            placeholder="name@company.com"
            value={email}
            onChange={(event) => {
              setEmail(event.currentTarget.value);
              setUserId(null);
            }}
          />
          <Select
            label="Learner"
            placeholder={search.length < 2 ? "Type at least 2 characters of the email" : "Pick the learner"}
            data={(learners.data?.learners ?? []).map((l) => ({ value: l.userId, label: `${l.name} (${l.email})` }))}
            value={userId}
            onChange={setUserId}
            error={fields.userId}
            nothingFoundMessage="No learner with this email"
            searchable
          />
          <Select
            label="Module or level"
            placeholder="Pick what was completed"
            data={targets}
            value={target}
            onChange={setTarget}
            error={fields.key ?? fields.object}
            searchable
          />
          <ErrorAlert message={award.error && Object.keys(fields).length === 0 ? errorMessage(award.error) : null} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={award.isPending} disabled={!userId || !target}>
              Award
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
