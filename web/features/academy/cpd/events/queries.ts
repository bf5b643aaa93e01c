import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { EventView } from "../../../../../src/features/academy/cpd/events/contract";
import { api, queryString } from "../../../../api/http-client";
import { cpdKeys } from "../queries";

export type EventHeading = { heading: string; events: EventView[] };

export const eventKeys = { list: (month?: string) => [...cpdKeys.all, "events", month ?? "upcoming"] as const };
export const eventIcsUrl = (id: string) => `/api/academy/cpd/events/${id}/event.ics`;

export function useCpdEvents(month?: string) {
  return useQuery({
    queryKey: eventKeys.list(month),
    queryFn: () => api.get<{ headings: EventHeading[] }>(`/api/academy/cpd/events${queryString({ month })}`),
  });
}

/** Register (POST) or cancel (DELETE) the caller's place at an event. */
export function useRegistration() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, register }: { id: string; register: boolean }): Promise<void> => {
      if (register) await api.post<EventView>(`/api/academy/cpd/events/${id}/registration`, {});
      else await api.delete(`/api/academy/cpd/events/${id}/registration`);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: [...cpdKeys.all, "events"] }),
  });
}
