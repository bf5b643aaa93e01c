import { CLIENT_SORTS } from "../../../../src/features/health/clients/contract";
import type { ClientSort, MoneyMetric } from "./queries";

/** The clients list's state in the URL, so a view can be bookmarked and shared. */
export type ClientListSearch = {
  q?: string;
  sort?: ClientSort;
  page?: number;
  archived?: boolean;
  metric?: MoneyMetric;
};

const SORTS: readonly ClientSort[] = CLIENT_SORTS;
const METRICS: readonly MoneyMetric[] = ["arr", "mrr", "acv"];

const oneOf = <T extends string>(options: readonly T[], value: unknown): T | undefined =>
  options.find((option) => option === value);

/** Router `validateSearch` for /pulse/clients: keeps what is valid, drops the rest. */
export function validateClientListSearch(search: Record<string, unknown>): ClientListSearch {
  const page = Number(search.page);
  return {
    q: typeof search.q === "string" && search.q.trim() !== "" ? search.q : undefined,
    sort: oneOf(SORTS, search.sort),
    page: Number.isInteger(page) && page > 1 ? page : undefined,
    archived: search.archived === true || search.archived === "true" ? true : undefined,
    metric: oneOf(METRICS, search.metric),
  };
}
