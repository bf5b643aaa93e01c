import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { PathSummary } from "../../../../../../src/features/academy/cpd/paths/contract";
import { ErrorAlert } from "../../../../../ui/ErrorAlert";
import { LoadingBlock } from "../../../../../ui/LoadingBlock";
import { PageHeader } from "../../../../../ui/PageHeader";
import { TextLink } from "../../../../../ui/RouterLink";
import { DemoNotice } from "../../library/components/DemoNotice";
import { formatMinutes } from "../../library/labels";
import { PathContents, PathProgress } from "../components";
import { usePaths } from "../queries";

/** CPD Paths: the featured paths with their contents, then the other paths; progress where enrolled. */
export function PathsPage() {
  const paths = usePaths();
  if (paths.isPending) return <LoadingBlock label="Loading CPD paths" />;
  if (paths.isError) return <ErrorAlert message={paths.error.message} />;
  const featured = paths.data.paths.filter((p) => p.featured);
  const other = paths.data.paths.filter((p) => !p.featured);
  return (
    <Stack gap="lg">
      <TextLink to="/cpd" fz="sm">
        ← CPD
      </TextLink>
      <PageHeader
        title="CPD Paths"
        description="Curated learning tracks that bundle related CPD items into a structured sequence. Follow a clear theme and track your progress at your own pace."
        actions={
          <TextLink to="/cpd/library" fw={600}>
            CPD Library →
          </TextLink>
        }
      />
      {paths.data.paths.some((p) => p.demo) ? <DemoNotice /> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {featured.map((p) => (
          <PathCard key={p.id} path={p} />
        ))}
      </SimpleGrid>
      {other.length > 0 ? (
        <Stack gap="xs">
          <Title order={2} fz="xl">
            Other CPD Paths
          </Title>
          <Card withBorder component="ul" padding="md" style={{ listStyle: "none", margin: 0 }}>
            {other.map((p) => (
              <li key={p.id} style={{ padding: "6px 0" }}>
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <TextLink to="/cpd/paths/$pathId" params={{ pathId: p.id }}>
                    {p.title}
                  </TextLink>
                  <Text size="sm" c="dimmed">
                    {p.steps} CPD Items / {formatMinutes(p.durationMinutes)}
                    {p.enrolment ? ` · ${p.enrolment.percent}%` : ""}
                  </Text>
                </Group>
              </li>
            ))}
          </Card>
        </Stack>
      ) : null}
    </Stack>
  );
}

function PathCard({ path }: { path: PathSummary }) {
  return (
    <Card withBorder padding="lg" radius="md" component="article">
      <Stack gap="xs">
        <Badge variant="light" w="fit-content">
          {path.category}
        </Badge>
        <Title order={2} fz="lg">
          <TextLink to="/cpd/paths/$pathId" params={{ pathId: path.id }} c="inherit">
            {path.title}
          </TextLink>
        </Title>
        <Text size="sm" lineClamp={3}>
          {path.description}
        </Text>
        <PathContents path={path} />
        <PathProgress path={path} />
      </Stack>
    </Card>
  );
}
