import { Badge, Button, Card, Group, Stack, Text } from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { ErrorAlert } from "../../../../../ui/ErrorAlert";
import { LoadingBlock } from "../../../../../ui/LoadingBlock";
import { PageHeader } from "../../../../../ui/PageHeader";
import { TextLink } from "../../../../../ui/RouterLink";
import { DemoNotice } from "../../library/components/DemoNotice";
import { FORMAT_LABEL, formatMinutes } from "../../library/labels";
import { PathContents, PathProgress } from "../components";
import { useEnrol, usePath } from "../queries";

const route = getRouteApi("/signed-in/cpd/paths/$pathId");

/** One path: description, contents, enrolment, progress, the launch button and the steps in order. */
export function PathPage() {
  const { pathId } = route.useParams();
  const path = usePath(pathId);
  const enrol = useEnrol(pathId);
  if (path.isPending) return <LoadingBlock label="Loading the path" />;
  if (path.isError) return <ErrorAlert message={path.error.message} />;
  const p = path.data;
  const enrolled = Boolean(p.enrolment);
  return (
    <Stack gap="lg">
      <TextLink to="/cpd/paths" fz="sm">
        ← CPD Paths
      </TextLink>
      <PageHeader
        title={p.title}
        badge={<Badge variant="light">{p.category}</Badge>}
        description={
          <Stack gap="xs" component="span">
            {p.description.split(/\n\n+/).map((para) => (
              <span key={para.slice(0, 40)}>{para}</span>
            ))}
          </Stack>
        }
      />
      {p.demo ? <DemoNotice /> : null}
      <PathContents path={p} />
      {enrolled ? (
        <PathProgress path={p} />
      ) : (
        <Group>
          {enrol.isError ? <ErrorAlert message={enrol.error.message} /> : null}
          <Button onClick={() => enrol.mutate()} loading={enrol.isPending}>
            Enrol in this path
          </Button>
        </Group>
      )}
      <Card withBorder padding="md" component="ol" style={{ margin: 0, paddingInlineStart: 36 }} aria-label="Steps">
        {p.stepList.map((s) => (
          <li key={s.itemId} style={{ padding: "6px 0" }}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              {enrolled ? (
                <TextLink to="/cpd/library/$itemId" params={{ itemId: s.itemId }} search={{ path: p.id }}>
                  {s.title}
                </TextLink>
              ) : (
                <Text>{s.title}</Text>
              )}
              <Group gap="xs">
                <Text size="sm" c="dimmed">
                  {FORMAT_LABEL[s.format]} · {formatMinutes(s.durationMinutes)}
                </Text>
                {s.completed ? (
                  <Badge color="teal" size="sm">
                    Completed
                  </Badge>
                ) : null}
              </Group>
            </Group>
          </li>
        ))}
      </Card>
    </Stack>
  );
}
