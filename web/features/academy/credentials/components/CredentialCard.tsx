import { Anchor, Button, Group, Paper, Stack, Switch, Text, Title } from "@mantine/core";
import { IconExternalLink, IconFileTypePdf, IconJson } from "@tabler/icons-react";
import type { CredentialSummary } from "../../../../../src/features/academy/credentials/contract";
import { errorMessage } from "../../../../api/api-error";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { formatDate } from "../../../../ui/format-date";
import { ToneBadge } from "../../../../ui/ToneBadge";
import { certificatePdfUrl, credentialJsonUrl, useSetHidden } from "../queries";
import { CredentialStatusBadge, KIND_LABEL } from "./CredentialStatusBadge";
import { ShareActions } from "./ShareActions";

/** One of the learner's credentials with its downloads, sharing and page visibility. */
export function CredentialCard({ credential: c, timeZone }: { credential: CredentialSummary; timeZone: string }) {
  const setHidden = useSetHidden();
  const headingId = `credential-${c.id}`;
  return (
    <Paper withBorder p="lg" component="article" aria-labelledby={headingId} data-credential-id={c.id}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4}>
            <Group gap="xs">
              <ToneBadge tone="indigo">{KIND_LABEL[c.kind]}</ToneBadge>
              <CredentialStatusBadge status={c.status} />
            </Group>
            <Title order={2} fz="lg" id={headingId}>
              {c.title}
            </Title>
            <Text c="dimmed" fz="sm">
              {c.programTitle}
            </Text>
          </Stack>
        </Group>
        <Text fz="sm">
          Earned {formatDate(c.achievedAt, timeZone)}
          {c.validUntil
            ? c.status === "expired"
              ? ` · expired ${formatDate(c.validUntil, timeZone)}`
              : ` · valid until ${formatDate(c.validUntil, timeZone)}`
            : " · does not expire"}
        </Text>
        {c.status === "revoked" ? (
          <Text fz="sm" c="red.9">
            Revoked{c.revokedAt ? ` on ${formatDate(c.revokedAt, timeZone)}` : ""}: {c.revokedReason}
          </Text>
        ) : null}
        <Group gap="sm">
          <Button
            component="a"
            href={certificatePdfUrl(c.id)}
            download
            variant="light"
            leftSection={<IconFileTypePdf size={16} aria-hidden />}
          >
            Download PDF
          </Button>
          <Button
            component="a"
            href={credentialJsonUrl(c.id)}
            download
            variant="default"
            leftSection={<IconJson size={16} aria-hidden />}
          >
            Download signed JSON
          </Button>
          <ShareActions linkedInUrl={c.linkedInUrl} evidenceUrl={c.evidenceUrl} linkedIn={c.status === "valid"} />
        </Group>
        <Group justify="space-between" gap="sm">
          <Switch
            label="Public evidence page"
            description={c.hidden ? "Hidden: only you can open it." : "Anyone with the link can see and verify it."}
            checked={!c.hidden}
            disabled={setHidden.isPending}
            onChange={(event) => setHidden.mutate({ id: c.id, hidden: !event.currentTarget.checked })}
          />
          <Anchor href={`/evidence/${c.id}`} fz="sm">
            <Group gap={4} component="span">
              Open evidence page <IconExternalLink size={14} aria-hidden />
            </Group>
          </Anchor>
        </Group>
        <ErrorAlert message={setHidden.error ? errorMessage(setHidden.error) : null} />
      </Stack>
    </Paper>
  );
}
