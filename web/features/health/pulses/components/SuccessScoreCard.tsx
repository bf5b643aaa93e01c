import { Badge, Divider, Group, Stack, Text } from "@mantine/core";
import { errorMessage } from "../../../../api/api-error";
import { Sparkline } from "../../../../ui/charts/Sparkline";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { LoadingBlock } from "../../../../ui/LoadingBlock";
import { SectionCard } from "../../../../ui/SectionCard";
import { useSuccessScore } from "../queries";
import { BAND_COLORS, BAND_LABELS } from "../score-display";
import { ScoreComponentBars } from "./ScoreComponentBars";
import { ScoreFlags } from "./ScoreFlags";
import { ScoreMovementList } from "./ScoreMovementList";

/** The SuccessScore: the number and band, its flags, each component's share, why it moved and 90 days of it. */
export function SuccessScoreCard({ orgId, clientId }: { orgId: string; clientId: string }) {
  const score = useSuccessScore(orgId, clientId);
  if (score.isPending) {
    return (
      <SectionCard title="SuccessScore">
        <LoadingBlock label="Loading SuccessScore" />
      </SectionCard>
    );
  }
  if (score.isError) {
    return (
      <SectionCard title="SuccessScore">
        <ErrorAlert message={errorMessage(score.error)} title="Could not load the SuccessScore" />
      </SectionCard>
    );
  }
  const view = score.data;
  const band = view.band ? BAND_COLORS[view.band] : null;
  const points = view.history.map((day) => ({ x: day.day, y: day.score }));
  return (
    <SectionCard title="SuccessScore" description={`Formula version ${view.formulaVersion}`}>
      <Group align="flex-end" gap="md">
        <Text fz={44} fw={800} lh={1} c={band?.ink ?? "dimmed"} style={{ fontVariantNumeric: "tabular-nums" }}>
          {view.score ?? "—"}
        </Text>
        <Stack gap={4} pb={2}>
          <Text fz="xs" c="dimmed">
            of 100
          </Text>
          {view.band ? (
            <Badge color={BAND_COLORS[view.band].hex} c={BAND_COLORS[view.band].text} variant="filled">
              {BAND_LABELS[view.band]}
            </Badge>
          ) : null}
        </Stack>
      </Group>
      <ScoreFlags score={view} />
      {view.score === null ? (
        <Text fz="sm" c="dimmed">
          Not enough data yet: set a pulse or import usage figures to compute a score.
        </Text>
      ) : (
        <>
          <ScoreComponentBars components={view.components} />
          <Divider />
          <Stack gap={6}>
            <Text fz="sm" fw={700}>
              Why it moved
            </Text>
            <ScoreMovementList score={view} />
          </Stack>
        </>
      )}
      {points.length > 1 ? (
        <Stack gap={4}>
          <Text fz="sm" fw={700}>
            Last 90 days
          </Text>
          <Sparkline points={points} label="SuccessScore over the last 90 days" min={0} max={100} height={48} />
        </Stack>
      ) : null}
    </SectionCard>
  );
}
