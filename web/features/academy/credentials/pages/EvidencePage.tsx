import { Code, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck, IconEyeOff, IconShieldCheck } from "@tabler/icons-react";
import { useParams } from "@tanstack/react-router";
import type { CredentialSummary } from "../../../../../src/features/academy/credentials/contract";
import { errorMessage } from "../../../../api/api-error";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { formatDate } from "../../../../ui/format-date";
import { LoadingBlock } from "../../../../ui/LoadingBlock";
import { ButtonLink } from "../../../../ui/RouterLink";
import { SectionCard } from "../../../../ui/SectionCard";
import { ToneBadge } from "../../../../ui/ToneBadge";
import { CredentialStatusBadge, KIND_LABEL } from "../components/CredentialStatusBadge";
import { EvidenceList } from "../components/EvidenceList";
import { PublicPage } from "../components/PublicPage";
import { ShareActions } from "../components/ShareActions";
import { ToneAlert } from "../components/ToneAlert";
import { useEvidencePage } from "../queries";

function StatusBanner({ c }: { c: CredentialSummary }) {
  if (c.status === "revoked") {
    return (
      <ToneAlert color="red" title="This credential was revoked" icon={<IconAlertTriangle size={18} aria-hidden />}>
        Revoked by Pulse Academy{c.revokedAt ? ` on ${formatDate(c.revokedAt)}` : ""}. Reason: {c.revokedReason}
      </ToneAlert>
    );
  }
  if (c.status === "expired") {
    return (
      <ToneAlert color="orange" title="This credential has expired" icon={<IconAlertTriangle size={18} aria-hidden />}>
        It was valid until {c.validUntil ? formatDate(c.validUntil) : "its expiry date"}.
      </ToneAlert>
    );
  }
  return (
    <ToneAlert color="teal" title="Valid credential" icon={<IconCircleCheck size={18} aria-hidden />}>
      Issued by Pulse Academy to {c.holderName}
      {c.validUntil ? `, valid until ${formatDate(c.validUntil)}.` : ". It does not expire."}
    </ToneAlert>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text fz="xs" tt="uppercase" fw={700} c="dimmed">
        {label}
      </Text>
      <Text>{children}</Text>
    </Stack>
  );
}

/** The public evidence page of one credential: no sign-in needed; its holder can hide it. */
export function EvidencePage() {
  const { credentialId } = useParams({ strict: false }) as { credentialId: string };
  const page = useEvidencePage(credentialId);
  return (
    <PublicPage>
      {page.isPending ? <LoadingBlock label="Loading the credential" /> : null}
      <ErrorAlert message={page.error ? errorMessage(page.error) : null} title="Could not load the credential" />
      {page.data === null ? (
        <Paper withBorder p="xl">
          <Stack align="center" ta="center" gap="sm">
            <Title order={1} fz={26}>
              Credential not found
            </Title>
            <Text c="dimmed" maw={480}>
              This credential does not exist, or its holder keeps its evidence page private.
            </Text>
            <ButtonLink to="/verify" variant="light">
              Verify a credential
            </ButtonLink>
          </Stack>
        </Paper>
      ) : null}
      {page.data ? (
        <>
          {page.data.hidden ? (
            <ToneAlert color="gray" icon={<IconEyeOff size={18} aria-hidden />} title="Only you can see this page">
              You hid this evidence page; others get "not found". Show it again from My credentials.
            </ToneAlert>
          ) : null}
          <Paper withBorder p={{ base: "lg", sm: "xl" }}>
            <Stack gap="lg">
              <Stack gap={6}>
                <Group gap="xs">
                  <ToneBadge tone="indigo">{KIND_LABEL[page.data.kind]}</ToneBadge>
                  <CredentialStatusBadge status={page.data.status} />
                </Group>
                <Title order={1} fz={30}>
                  {page.data.title}
                </Title>
                <Text c="dimmed">{page.data.description}</Text>
              </Stack>
              <StatusBanner c={page.data} />
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
                <Fact label="Holder">{page.data.holderName}</Fact>
                <Fact label="Issuer">{page.data.issuerName}</Fact>
                <Fact label="Program">{page.data.programTitle}</Fact>
                <Fact label="Issued">{formatDate(page.data.issuedAt)}</Fact>
                <Fact label={page.data.kind === "certification" ? "Achievement date" : "Earned"}>
                  {formatDate(page.data.achievedAt)}
                </Fact>
                <Fact label="Valid until">
                  {page.data.validUntil ? formatDate(page.data.validUntil) : "Does not expire"}
                </Fact>
              </SimpleGrid>
              <Group gap="sm">
                <ButtonLink
                  to="/verify/$credentialId"
                  params={{ credentialId: page.data.id }}
                  leftSection={<IconShieldCheck size={16} aria-hidden />}
                >
                  Verify this credential
                </ButtonLink>
                <ShareActions
                  linkedInUrl={page.data.linkedInUrl}
                  evidenceUrl={page.data.evidenceUrl}
                  linkedIn={page.data.viewerIsHolder && page.data.status === "valid"}
                />
              </Group>
            </Stack>
          </Paper>
          <SectionCard title="Criteria">
            <Text>{page.data.criteria}</Text>
          </SectionCard>
          <SectionCard title="Evidence">
            <EvidenceList evidence={page.data.evidence} />
          </SectionCard>
          <Text fz="sm" c="dimmed">
            Credential ID <Code>{page.data.id}</Code> · an Open Badges 3.0 credential signed by Pulse Academy (Ed25519).
          </Text>
        </>
      ) : null}
    </PublicPage>
  );
}
