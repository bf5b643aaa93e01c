import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AnswerMap,
  AssessmentList,
  AssessmentStatus,
  AttemptView,
  PoolReport,
} from "../../../../src/features/academy/assessments/contract";
import { api, queryString } from "../../../api/http-client";

export const assessmentKeys = {
  all: ["academy", "assessments"] as const,
  list: () => [...assessmentKeys.all, "list"] as const,
  status: (assessmentId: string) => [...assessmentKeys.all, "status", assessmentId] as const,
  attempt: (attemptId: string) => [...assessmentKeys.all, "attempt", attemptId] as const,
  pools: (plan: { examAttempts: number; testAttempts: number }) => [...assessmentKeys.all, "pools", plan] as const,
};

export const assessmentPath = (assessmentId: string) => `/api/academy/assessments/${assessmentId}`;
export const retakeCalendarUrl = (assessmentId: string) => `${assessmentPath(assessmentId)}/retake.ics`;

export function useAssessmentList() {
  return useQuery({
    queryKey: assessmentKeys.list(),
    queryFn: () => api.get<AssessmentList>("/api/academy/assessments"),
  });
}

export function useAssessmentStatus(assessmentId: string) {
  return useQuery({
    queryKey: assessmentKeys.status(assessmentId),
    queryFn: () => api.get<AssessmentStatus>(assessmentPath(assessmentId)),
  });
}

export function useAttempt(attemptId: string) {
  return useQuery({
    queryKey: assessmentKeys.attempt(attemptId),
    queryFn: () => api.get<AttemptView>(`/api/academy/attempts/${attemptId}`),
    // Answers live in the page while it is open; do not overwrite them with a background refetch.
    refetchOnWindowFocus: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useStartAttempt(assessmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<AttemptView>(`${assessmentPath(assessmentId)}/attempts`),
    onSuccess: (attempt) => {
      queryClient.setQueryData(assessmentKeys.attempt(attempt.id), attempt);
      void queryClient.invalidateQueries({ queryKey: assessmentKeys.status(assessmentId) });
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: assessmentKeys.status(assessmentId) }),
  });
}

export const saveAnswers = (attemptId: string, answers: AnswerMap) =>
  api.put<{ answers: AnswerMap; savedAt: string; remainingSeconds: number | null }>(
    `/api/academy/attempts/${attemptId}/answers`,
    { answers },
  );

export function useSubmitAttempt(attemptId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answers: AnswerMap) => api.post<AttemptView>(`/api/academy/attempts/${attemptId}/submit`, { answers }),
    onSuccess: (attempt) => {
      queryClient.setQueryData(assessmentKeys.attempt(attempt.id), attempt);
      void queryClient.invalidateQueries({ queryKey: assessmentKeys.all });
    },
  });
}

export function usePoolReport(plan: { examAttempts: number; testAttempts: number }) {
  return useQuery({
    queryKey: assessmentKeys.pools(plan),
    queryFn: () => api.get<PoolReport>(`/api/admin/academy/assessment-pools${queryString(plan)}`),
    placeholderData: keepPreviousData,
  });
}
