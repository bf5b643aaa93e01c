import { SimpleGrid, Stack, Text } from "@mantine/core";
import { errorMessage } from "../../../../api/api-error";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { LoadingBlock } from "../../../../ui/LoadingBlock";
import { PageHeader } from "../../../../ui/PageHeader";
import { TextLink } from "../../../../ui/RouterLink";
import { SectionCard } from "../../../../ui/SectionCard";
import { useSignedInMe } from "../../../accounts/identity/queries";
import { CredentialCard } from "../components/CredentialCard";
import { useMyCredentials } from "../queries";

export function MyCredentialsPage() {
  const me = useSignedInMe();
  const list = useMyCredentials();
  const credentials = list.data?.credentials ?? [];
  return (
    <>
      <PageHeader
        title="My credentials"
        description="Your badges, certificates and certifications. Each is a signed Open Badges 3.0 credential that anyone can verify on its public evidence page."
        actions={<TextLink to="/verify">Verify a credential</TextLink>}
      />
      {list.isPending ? <LoadingBlock label="Loading your credentials" /> : null}
      <ErrorAlert message={list.error ? errorMessage(list.error) : null} title="Could not load your credentials" />
      {list.data && credentials.length === 0 ? (
        <SectionCard title="No credentials yet">
          <Text c="dimmed">
            Complete a module, a level or the certification exams in the Academy and your credential appears here at
            once.
          </Text>
        </SectionCard>
      ) : null}
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          {credentials.map((c) => (
            <CredentialCard key={c.id} credential={c} timeZone={me.user.timeZone} />
          ))}
        </SimpleGrid>
      </Stack>
    </>
  );
}
