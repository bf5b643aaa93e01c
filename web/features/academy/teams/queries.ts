import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { TeamProgressPage } from "../../../../src/features/academy/teams/contract";
import { api, queryString } from "../../../api/http-client";

export type TeamFilter = { q?: string; program?: string; status?: string; offset?: number };

const base = (orgId: string) => `/api/organizations/${orgId}/academy`;

export const teamKeys = {
  all: ["academy", "team-progress"] as const,
  team: (orgId: string, filter: TeamFilter) => [...teamKeys.all, orgId, "team", filter] as const,
  mine: (orgId: string) => [...teamKeys.all, orgId, "mine"] as const,
};

export const PAGE_SIZE = 50;

export function useTeamProgress(orgId: string, filter: TeamFilter) {
  return useQuery({
    queryKey: teamKeys.team(orgId, filter),
    queryFn: () =>
      api.get<TeamProgressPage>(`${base(orgId)}/team-progress${queryString({ ...filter, limit: PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });
}

export function useMyProgress(orgId: string) {
  return useQuery({
    queryKey: teamKeys.mine(orgId),
    queryFn: () => api.get<TeamProgressPage>(`${base(orgId)}/my-progress${queryString({ limit: 500 })}`),
  });
}

/** The CSV download of the filtered report (same filters, every row). */
export const teamCsvUrl = (orgId: string, filter: TeamFilter) =>
  `${base(orgId)}/team-progress.csv${queryString({ q: filter.q, program: filter.program, status: filter.status })}`;
