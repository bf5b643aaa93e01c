import { Anchor, Badge, Group, Stack, Text } from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { ErrorAlert } from "../../../../../ui/ErrorAlert";
import { LoadingBlock } from "../../../../../ui/LoadingBlock";
import { PageHeader } from "../../../../../ui/PageHeader";
import { ButtonLink, TextLink } from "../../../../../ui/RouterLink";
import { Markdown } from "../../../learning/components/Markdown";
import { usePath } from "../../paths/queries";
import { DemoNotice } from "../components/DemoNotice";
import { ItemCompletion } from "../components/ItemCompletion";
import { FORMAT_LABEL, formatMinutes } from "../labels";
import { useOpenedItem } from "../queries";

const route = getRouteApi("/signed-in/cpd/library/$itemId");

/** One library item: its content, and how it is added to the CPD record; in a path, the next step. */
export function LibraryItemPage() {
  const { itemId } = route.useParams();
  const { path: pathId } = route.useSearch();
  const opened = useOpenedItem(itemId);
  const path = usePath(pathId);
  const [ended, setEnded] = useState(false);
  if (opened.isPending) return <LoadingBlock label="Opening the item" />;
  if (opened.isError) return <ErrorAlert message={opened.error.message} />;
  const item = opened.data;
  const steps = path.data?.stepList ?? [];
  const here = steps.findIndex((s) => s.itemId === item.id);
  const next = here >= 0 ? steps[here + 1] : undefined;
  return (
    <Stack gap="lg">
      {path.data ? (
        <TextLink to="/cpd/paths/$pathId" params={{ pathId: path.data.id }} fz="sm">
          ← {path.data.title}
        </TextLink>
      ) : (
        <TextLink to="/cpd/library" fz="sm">
          ← CPD Library
        </TextLink>
      )}
      <PageHeader
        title={item.title}
        description={item.summary}
        badge={
          item.demo ? (
            <Badge color="gray" variant="outline">
              Demo
            </Badge>
          ) : undefined
        }
      />
      <Group gap="xs">
        {here >= 0 ? <Badge variant="filled">{`Step ${here + 1} of ${steps.length}`}</Badge> : null}
        <Badge variant="light">{FORMAT_LABEL[item.format]}</Badge>
        <Badge variant="outline" color="gray">
          {item.category}
        </Badge>
        <Text size="sm" c="dimmed">
          {formatMinutes(item.durationMinutes)} · published {item.publishedOn}
        </Text>
      </Group>
      {item.demo ? <DemoNotice /> : null}
      {item.mediaUrl ? (
        // biome-ignore lint/a11y/useMediaCaption: demo clips have no speech; captions come with a publisher's media
        <video
          src={item.mediaUrl}
          controls
          preload="metadata"
          aria-label={item.title}
          style={{ width: "100%", maxWidth: 720, borderRadius: 8, background: "#000" }}
          onEnded={() => setEnded(true)}
          data-testid="cpd-media"
        />
      ) : null}
      {item.body ? <Markdown>{item.body}</Markdown> : null}
      {item.linkUrl ? (
        <Anchor href={item.linkUrl} target="_blank" rel="noopener noreferrer">
          Open the {item.format === "tool" ? "tool" : "file"}
        </Anchor>
      ) : null}
      <ItemCompletion item={item} pathId={here >= 0 ? pathId : undefined} ended={ended} />
      {item.paths.length > 0 && !path.data ? (
        <Text size="sm" c="dimmed">
          Part of:{" "}
          {item.paths.map((p, i) => (
            <span key={p.id}>
              {i > 0 ? ", " : ""}
              <TextLink to="/cpd/paths/$pathId" params={{ pathId: p.id }}>
                {p.title}
              </TextLink>{" "}
              (step {p.position})
            </span>
          ))}
        </Text>
      ) : null}
      {next && item.completedAt ? (
        <Group>
          <ButtonLink to="/cpd/library/$itemId" params={{ itemId: next.itemId }} search={{ path: pathId }}>
            Next step: {next.title}
          </ButtonLink>
        </Group>
      ) : null}
    </Stack>
  );
}
