import { Button, Group, Paper, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck, IconShieldCheck } from "@tabler/icons-react";
import { useParams } from "@tanstack/react-router";
import { type FormEvent, useEffect, useRef, useState } from "react";
import type { VerifyResult } from "../../../../../src/features/academy/credentials/contract";
import { errorMessage, isApiError } from "../../../../api/api-error";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { formatDate } from "../../../../ui/format-date";
import { LoadingBlock } from "../../../../ui/LoadingBlock";
import { CredentialStatusBadge } from "../components/CredentialStatusBadge";
import { PublicPage } from "../components/PublicPage";
import { ToneAlert } from "../components/ToneAlert";
import { useEvidencePage, useVerify } from "../queries";

const HEADLINE: Record<VerifyResult["status"], string> = {
  valid: "Verified: this credential is valid",
  expired: "Authentic, but expired",
  revoked: "Authentic, but revoked by the issuer",
  tampered: "Not verified: the credential was changed or is not from Pulse Academy",
};

function Result({ result }: { result: VerifyResult }) {
  const ok = result.status === "valid";
  const c = result.credential;
  return (
    <Paper withBorder p="lg" aria-live="polite" data-verify-status={result.status}>
      <Stack gap="md">
        <ToneAlert
          color={ok ? "teal" : result.status === "expired" ? "orange" : "red"}
          icon={ok ? <IconCircleCheck size={18} aria-hidden /> : <IconAlertTriangle size={18} aria-hidden />}
          title={HEADLINE[result.status]}
        >
          {result.reason ??
            "The signature matches Pulse Academy's public key, and the credential is neither revoked nor expired."}
        </ToneAlert>
        {c ? (
          <Stack gap={6}>
            <Group gap="xs">
              <Title order={2} fz="lg">
                {c.title}
              </Title>
              <CredentialStatusBadge status={result.status} />
            </Group>
            <Text fz="sm">
              {c.achievementType} issued by {c.issuerName}
              {c.holderName ? ` to ${c.holderName}` : ""}
              {c.awardedDate ? ` on ${formatDate(c.awardedDate)}` : ""}
              {c.validUntil ? ` · valid until ${formatDate(c.validUntil)}` : " · does not expire"}
            </Text>
            {c.revokedReason ? <Text fz="sm">Reason for revocation: {c.revokedReason}</Text> : null}
            {result.recipientMatches !== undefined ? (
              <Text fz="sm" fw={600} c={result.recipientMatches ? "teal.9" : "red.9"}>
                {result.recipientMatches
                  ? "The email address matches the credential's recipient."
                  : "The email address does not match the credential's recipient."}
              </Text>
            ) : null}
            {c.evidenceUrl ? (
              <Text fz="sm">
                Evidence page: <a href={c.evidenceUrl}>{c.evidenceUrl}</a>
              </Text>
            ) : null}
            <Text fz="xs" c="dimmed">
              Credential ID {c.id}
            </Text>
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** Verifies a credential pasted in (VC-JWT or its JSON), or the one named in the URL (/verify/<id>). */
export function VerifyPage() {
  const { credentialId } = useParams({ strict: false }) as { credentialId?: string };
  const [credential, setCredential] = useState("");
  const [email, setEmail] = useState("");
  const verify = useVerify();
  const fromUrl = useEvidencePage(credentialId ?? "");
  const started = useRef<string | null>(null);

  useEffect(() => {
    const jwt = credentialId ? fromUrl.data?.jwt : undefined;
    if (jwt && started.current !== credentialId) {
      started.current = credentialId ?? null;
      setCredential(jwt);
      verify.mutate({ credential: jwt });
    }
  }, [credentialId, fromUrl.data, verify]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    verify.mutate({ credential, email: email.trim() || undefined });
  };
  const fieldError = (name: string) =>
    verify.error && isApiError(verify.error) ? verify.error.fields[name] : undefined;

  return (
    <PublicPage>
      <Stack gap={6}>
        <Title order={1} fz={28}>
          Verify a credential
        </Title>
        <Text c="dimmed">
          Paste a Pulse Academy credential (the signed VC-JWT, or the downloaded JSON). Pulse checks its signature
          against the issuer's public key, whether it was revoked, and whether it has expired.
        </Text>
      </Stack>
      {credentialId && fromUrl.isPending ? <LoadingBlock label="Loading the credential" /> : null}
      {credentialId && fromUrl.data === null ? (
        <ToneAlert color="gray" title="Credential not found">
          No public credential has this id. Paste the credential itself below to verify it.
        </ToneAlert>
      ) : null}
      <Paper withBorder p="lg" component="form" onSubmit={submit}>
        <Stack gap="md">
          <Textarea
            label="Credential"
            placeholder="eyJhbGciOiJFZERTQSIsInR5cCI6InZjK2p3dCIs…"
            autosize
            minRows={4}
            maxRows={10}
            value={credential}
            onChange={(event) => setCredential(event.currentTarget.value)}
            error={fieldError("credential")}
            styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)", fontSize: 12 } }}
          />
          <TextInput
            label="Recipient's email (optional)"
            description="Checks that the credential was issued to this address (it holds only a salted hash)."
            type="email"
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={fieldError("email")}
            maw={420}
          />
          <Group>
            <Button type="submit" loading={verify.isPending} leftSection={<IconShieldCheck size={16} aria-hidden />}>
              Verify
            </Button>
          </Group>
        </Stack>
      </Paper>
      <ErrorAlert
        message={
          verify.error && !(isApiError(verify.error) && Object.keys(verify.error.fields).length > 0)
            ? errorMessage(verify.error)
            : null
        }
        title="Could not verify"
      />
      {verify.data ? <Result result={verify.data} /> : null}
    </PublicPage>
  );
}
