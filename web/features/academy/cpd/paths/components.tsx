import { Badge, Group, Progress, Text } from "@mantine/core";
import type { PathStatus, PathSummary } from "../../../../../src/features/academy/cpd/paths/contract";
import { ButtonLink } from "../../../../ui/RouterLink";
import { FORMAT_PLURAL, formatMinutes } from "../library/labels";

export const STATUS_LABEL: Record<PathStatus, string> = {
  not_started: "Not Started",
  in_progress: "In Progress",
  completed: "Completed",
};

/** "Articles (2), Videos (4), TOTAL (6) · 1h 56m", as the seed lists a path's contents. */
export function PathContents({ path }: { path: PathSummary }) {
  const parts = path.contents.map((c) => `${FORMAT_PLURAL[c.format]} (${c.count})`);
  return (
    <Text size="sm" c="dimmed">
      Contents: {[...parts, `TOTAL (${path.steps})`].join(", ")} · Duration: {formatMinutes(path.durationMinutes)}
    </Text>
  );
}

/** Progress by steps completed, the status and the launch button that continues at the next step. */
export function PathProgress({ path }: { path: PathSummary }) {
  const e = path.enrolment;
  if (!e) return null;
  return (
    <Group gap="md" align="center" wrap="wrap">
      <Badge color={e.status === "completed" ? "teal" : e.status === "in_progress" ? "blue" : "gray"}>
        {STATUS_LABEL[e.status]}
      </Badge>
      <Progress value={e.percent} w={160} aria-label={`${path.title}: ${e.percent}% complete`} />
      <Text size="sm">
        {e.stepsCompleted} of {path.steps} steps · {e.percent}%
      </Text>
      {e.nextItemId ? (
        <ButtonLink size="xs" to="/cpd/library/$itemId" params={{ itemId: e.nextItemId }} search={{ path: path.id }}>
          {e.status === "not_started" ? "Start" : "Continue"}
          <span className="visually-hidden" style={{ position: "absolute", left: -10000 }}>
            {" "}
            {path.title}
          </span>
        </ButtonLink>
      ) : null}
    </Group>
  );
}
