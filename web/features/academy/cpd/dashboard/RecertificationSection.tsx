import { Progress, SimpleGrid, Stack, Text } from "@mantine/core";
import type { Dashboard } from "../../../../../src/features/academy/cpd/dashboard/contract";
import { SectionCard } from "../../../../ui/SectionCard";
import { type Tone, ToneBadge } from "../../../../ui/ToneBadge";
import { day, hm } from "../format";

const STANDING: Record<string, { label: string; tone: Tone }> = {
  on_track: { label: "On track", tone: "teal" },
  due: { label: "Due soon", tone: "orange" },
  expired: { label: "Expired", tone: "red" },
};

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={2}>
      <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={600} data-testid={`recert-${label.toLowerCase().replace(/[^a-z]+/g, "-")}`}>
        {value}
      </Text>
    </Stack>
  );
}

/** Seed: Level 4 achievement date, anniversary, expiry, hours toward recertification and hours remaining. */
export function RecertificationSection({ recert }: { recert: Dashboard["recertification"] }) {
  if (!recert) {
    return (
      <SectionCard title="Recertification">
        <Text c="dimmed">
          When you hold the CCSMP Level 4 certification, this shows your recertification: 40 hours of CPD every 12
          months from your certification anniversary.
        </Text>
      </SectionCard>
    );
  }
  const standing = STANDING[recert.standing] ?? { label: recert.standing, tone: "gray" as Tone };
  const percent = Math.min(100, Math.round((recert.appliedMinutes * 100) / Math.max(1, recert.requiredMinutes)));
  const f = recert.forecast;
  return (
    <SectionCard
      title="Recertification"
      description={recert.title}
      actions={<ToneBadge tone={standing.tone}>{standing.label}</ToneBadge>}
    >
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="md">
        <Fact label="Level 4 achieved" value={day(recert.achievedOn)} />
        <Fact label="Anniversary" value={day(recert.anniversaryOn)} />
        <Fact label="Expires" value={day(recert.expiresOn)} />
        <Fact
          label="Hours toward recertification"
          value={`${hm(recert.appliedMinutes)} of ${hm(recert.requiredMinutes)}`}
        />
        <Fact label="Hours remaining" value={hm(recert.remainingMinutes)} />
      </SimpleGrid>
      <Progress value={percent} aria-label={`${percent}% of this cycle's CPD hours`} size="lg" />
      <Text fz="sm" c="dimmed">
        {recert.remainingMinutes === 0
          ? `This cycle's hours are met; your certification runs until ${day(recert.expiresOn)}.`
          : f.reachesOn
            ? `At your pace of the last 90 days you reach ${recert.requiredMinutes / 60} h on ${day(f.reachesOn)}${f.beforeExpiry ? "." : ", after your expiry date."}`
            : "You have logged no CPD in the last 90 days."}
        {recert.earnedMinutes !== recert.appliedMinutes
          ? ` Earned in this cycle: ${hm(recert.earnedMinutes)} (applied ${hm(recert.appliedMinutes)}).`
          : ""}
      </Text>
    </SectionCard>
  );
}
