import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  StaffSuggestionView,
  StatusBody,
  SuggestionBody,
  SuggestionView,
} from "../../../../../src/features/academy/cpd/suggestions/contract";
import { api } from "../../../../api/http-client";
import { cpdKeys } from "../queries";

const keys = {
  all: [...cpdKeys.all, "suggestions"] as const,
  mine: () => [...keys.all, "mine"] as const,
  others: () => [...keys.all, "others"] as const,
  staff: () => [...keys.all, "staff"] as const,
};

export const KIND_LABELS: Record<string, string> = {
  mini_course: "Mini Course",
  guide: "Guide",
  template: "Template",
  webinar: "Webinar",
  event_topic: "Event topic",
  guest: "Guest",
};

export const STATUS_LABELS: Record<string, string> = {
  submitted: "Submitted",
  under_review: "Under review",
  planned: "Planned",
  published: "Published",
  declined: "Declined",
};

export function useMySuggestions() {
  return useQuery({
    queryKey: keys.mine(),
    queryFn: () => api.get<{ items: SuggestionView[] }>("/api/academy/cpd/suggestions/mine"),
  });
}

export function useSuggestionsToSupport() {
  return useQuery({
    queryKey: keys.others(),
    queryFn: () => api.get<{ items: SuggestionView[] }>("/api/academy/cpd/suggestions"),
  });
}

export function useSubmitSuggestion() {
  const client = useQueryClient();
  return useMutation({
    meta: { inlineError: true },
    mutationFn: (body: SuggestionBody) => api.post<SuggestionView>("/api/academy/cpd/suggestions", body),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useSupport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, support }: { id: string; support: boolean }): Promise<void> => {
      if (support) await api.post<SuggestionView>(`/api/academy/cpd/suggestions/${id}/vote`, {});
      else await api.delete(`/api/academy/cpd/suggestions/${id}/vote`);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useStaffSuggestions() {
  return useQuery({
    queryKey: keys.staff(),
    queryFn: () => api.get<{ items: StaffSuggestionView[] }>("/api/admin/academy/cpd/suggestions"),
  });
}

export function useChangeStatus(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: StatusBody) => api.patch<StaffSuggestionView>(`/api/admin/academy/cpd/suggestions/${id}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}
