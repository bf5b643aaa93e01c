import type { ReportFilter } from "./contract.js";

export type RankCount = { rank: number | null; count: number };

/**
 * Which pulse levels a page of a list sorted by level holds, read off the count of each level: the ranks
 * the window [offset, offset + limit) reaches and how many rows come before the first of them. Null when
 * the list is not sorted by level or the page reaches clients without a pulse (those are found by what
 * they lack, so only a pass over every client finds them).
 */
export function pageRanks(counts: RankCount[], filter: Pick<ReportFilter, "sort" | "offset" | "limit">) {
  if (filter.sort !== "level" && filter.sort !== "-level") return null;
  const byRank = new Map(counts.map((c) => [c.rank, Number(c.count)]));
  const order: (number | null)[] = filter.sort === "level" ? [1, 2, 3, 4, 5, 6, null] : [6, 5, 4, 3, 2, 1, null];
  const ranks: number[] = [];
  let before = 0;
  let seen = 0;
  for (const rank of order) {
    const n = byRank.get(rank) ?? 0;
    if (n === 0) continue;
    const start = seen;
    seen += n;
    if (seen <= filter.offset) {
      before = seen;
      continue;
    }
    if (start >= filter.offset + filter.limit) break;
    if (rank === null) return null;
    ranks.push(rank);
  }
  return { ranks, before };
}
