import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { OutboxList } from "../../../../src/features/admin/contract";
import { api, queryString } from "../../../api/http-client";
import { outboxKeys } from "../../../api/query-keys";

export type OutboxFilter = { to: string; limit: number; offset: number };

export function useOutbox(filter: OutboxFilter) {
  return useQuery({
    queryKey: outboxKeys.list(filter),
    queryFn: () => api.get<OutboxList>(`/api/admin/outbox${queryString(filter)}`),
    placeholderData: keepPreviousData,
  });
}
