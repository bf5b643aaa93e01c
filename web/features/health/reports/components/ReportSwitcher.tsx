import { Group } from "@mantine/core";
import { IconChartDonut3, IconChartTreemap } from "@tabler/icons-react";
import { ButtonLink } from "../../../../ui/RouterLink";
import { FILTER_KEYS, type ReportSearch } from "../report-search";

/** The filters both reports share: switching report keeps the view's filters and measure. */
const carried = (search: ReportSearch): ReportSearch => {
  const kept: ReportSearch = { measure: search.measure };
  for (const key of FILTER_KEYS) kept[key] = search[key];
  return kept;
};

/** Links between the two reports, the current one highlighted. */
export function ReportSwitcher({ current, search }: { current: "health" | "reasons"; search: ReportSearch }) {
  const shared = carried(search);
  const link = (report: "health" | "reasons") => ({
    variant: current === report ? "light" : "default",
    "aria-current": current === report ? ("page" as const) : undefined,
    size: "sm",
    radius: "xl",
  });
  return (
    <Group component="nav" aria-label="Reports" gap="xs">
      <ButtonLink
        to="/pulse/reports/health"
        search={shared}
        leftSection={<IconChartDonut3 size={16} aria-hidden />}
        {...link("health")}
      >
        Pulse health
      </ButtonLink>
      <ButtonLink
        to="/pulse/reports/reasons"
        search={shared}
        leftSection={<IconChartTreemap size={16} aria-hidden />}
        {...link("reasons")}
      >
        Pulse reasons
      </ButtonLink>
    </Group>
  );
}
