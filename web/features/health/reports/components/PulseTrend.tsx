import { Text } from "@mantine/core";
import type { ReportClient } from "../../../../../src/features/health/reports/contract";
import { formatDate } from "../../../../ui/format-date";
import { levelOfRank, PULSE_LEVEL_COLORS, PULSE_LEVEL_LABELS } from "../../pulses/pulse-level-display";

const WIDTH = 104;
const HEIGHT = 30;
const PAD = 4;
const DAY_MS = 86_400_000;
export const TREND_DAYS = 90;

type PulseTrendProps = {
  trend: ReportClient["trend"];
  clientName: string;
  /** The report's day ("YYYY-MM-DD") or null for now; the window is the 90 days before its end. */
  asOf: string | null;
  timeZone: string;
};

/** The end of the report day, as the API draws its 90-day window. */
export const trendWindowEnd = (asOf: string | null): number =>
  asOf ? Date.parse(`${asOf}T00:00:00Z`) + DAY_MS : Date.now();

const labelOf = (rank: number) => {
  const level = levelOfRank(rank);
  return level ? PULSE_LEVEL_LABELS[level] : `Level ${rank}`;
};

function describe(trend: ReportClient["trend"], clientName: string, timeZone: string): string {
  const first = trend[0];
  const last = trend.at(-1);
  if (!first || !last) return `No pulse for ${clientName} in the last ${TREND_DAYS} days`;
  const changes = trend.length - 1;
  const path = changes === 0 ? labelOf(last.rank) : `${labelOf(first.rank)} to ${labelOf(last.rank)}`;
  const steps = trend.map((p) => `${formatDate(p.at, timeZone)}: ${labelOf(p.rank)}`).join("; ");
  return `${TREND_DAYS}-day pulse trend for ${clientName}: ${path}, ${changes} ${changes === 1 ? "change" : "changes"} (${steps})`;
}

/**
 * A step line of the pulse over the 90 days before the report date (y: 1 Severe Risk … 6 Extremely
 * Satisfied), drawn as inline SVG so a list of many rows stays light and crisp, colored by the last level.
 */
export function PulseTrend({ trend, clientName, asOf, timeZone }: PulseTrendProps) {
  const last = trend.at(-1);
  if (!last) {
    return (
      <Text fz="xs" c="dimmed">
        No pulse in {TREND_DAYS} days
      </Text>
    );
  }
  const end = trendWindowEnd(asOf);
  const start = end - TREND_DAYS * DAY_MS;
  const x = (iso: string) => PAD + ((Math.max(Date.parse(iso), start) - start) / (end - start)) * (WIDTH - 2 * PAD);
  const y = (rank: number) => PAD + ((6 - rank) / 5) * (HEIGHT - 2 * PAD);
  let line = "";
  trend.forEach((point, index) => {
    const px = x(point.at).toFixed(1);
    line += index === 0 ? `M${px},${y(point.rank)}` : `H${px}V${y(point.rank)}`;
  });
  line += `H${WIDTH - PAD}`;
  const firstX = x(trend[0]?.at ?? last.at).toFixed(1);
  const area = `${line}V${HEIGHT - PAD}H${firstX}Z`;
  const level = levelOfRank(last.rank);
  const color = level ? PULSE_LEVEL_COLORS[level].hex : "#868e96";
  const label = describe(trend, clientName, timeZone);
  // The line between Some Risk (3) and Satisfied (4): above it the client is satisfied.
  const boundary = (y(3) + y(4)) / 2;
  return (
    <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
      <title>{label}</title>
      <line x1={PAD} x2={WIDTH - PAD} y1={boundary} y2={boundary} stroke="#dee2e6" strokeDasharray="2 3" />
      {Number(firstX) > PAD + 1 ? (
        // Before the first pulse in the window the client had none: a faint dotted floor.
        <line x1={PAD} x2={firstX} y1={HEIGHT - PAD} y2={HEIGHT - PAD} stroke="#adb5bd" strokeDasharray="1 3" />
      ) : null}
      <path d={area} fill={color} fillOpacity={0.12} stroke="none" />
      <path d={line} fill="none" stroke={color} strokeWidth={2} strokeLinejoin="round" strokeLinecap="round" />
      <circle cx={WIDTH - PAD} cy={y(last.rank)} r={2.75} fill={color} />
    </svg>
  );
}
