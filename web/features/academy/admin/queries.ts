import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AdminModuleDetail,
  AdminProgramList,
  AdminQuestion,
  AdminQuestionList,
  AssignPlanBody,
  LearnerList,
  QuestionInput,
  TitleSummaryBody,
} from "../../../../src/features/academy/catalog/contract";
import { api, queryString } from "../../../api/http-client";
import { catalogKeys } from "../catalog/queries";

const base = "/api/admin/academy";

export const academyAdminKeys = {
  all: ["admin", "academy"] as const,
  programs: () => [...academyAdminKeys.all, "programs"] as const,
  learners: (email: string) => [...academyAdminKeys.all, "learners", email] as const,
  module: (id: string) => [...academyAdminKeys.all, "module", id] as const,
  bank: (id: string) => [...academyAdminKeys.all, "bank", id] as const,
};

export const exportUrl = (programId: string) => `${base}/programs/${programId}/export.yaml`;

export function useAdminPrograms() {
  return useQuery({
    queryKey: academyAdminKeys.programs(),
    queryFn: () => api.get<AdminProgramList>(`${base}/programs`),
  });
}

export function useLearners(email: string) {
  return useQuery({
    queryKey: academyAdminKeys.learners(email),
    queryFn: () => api.get<LearnerList>(`${base}/learners${queryString({ email })}`),
    enabled: email.length >= 2,
  });
}

export function useAdminModule(moduleId: string) {
  return useQuery({
    queryKey: academyAdminKeys.module(moduleId),
    queryFn: () => api.get<AdminModuleDetail>(`${base}/modules/${moduleId}`),
  });
}

export function useBank(moduleId: string) {
  return useQuery({
    queryKey: academyAdminKeys.bank(moduleId),
    queryFn: () => api.get<AdminQuestionList>(`${base}/modules/${moduleId}/questions`),
  });
}

/** Any admin change: refresh the admin views and the catalog. */
function useAdminMutation<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // Every admin form shows its error inline (field errors and an alert), so no toast as well.
    meta: { inlineError: true },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: academyAdminKeys.all });
      void queryClient.invalidateQueries({ queryKey: catalogKeys.all });
    },
  });
}

export const useAssignPlan = () => useAdminMutation((body: AssignPlanBody) => api.post(`${base}/memberships`, body));
export const useRemovePlan = () => useAdminMutation((id: string) => api.delete(`${base}/memberships/${id}`));

export type Editable = "programs" | "levels" | "modules";
export const useEditTitleSummary = (what: Editable) =>
  useAdminMutation(({ id, body }: { id: string; body: TitleSummaryBody }) => api.patch(`${base}/${what}/${id}`, body));
export const useEditLesson = () =>
  useAdminMutation(({ id, body }: { id: string; body: { title?: string; description?: string } }) =>
    api.patch(`${base}/lessons/${id}`, body),
  );
export const useEditItem = () =>
  useAdminMutation(({ id, body }: { id: string; body: { title?: string; body?: string } }) =>
    api.patch(`${base}/items/${id}`, body),
  );
export const useAddQuestion = (moduleId: string) =>
  useAdminMutation((body: QuestionInput) => api.post<AdminQuestion>(`${base}/modules/${moduleId}/questions`, body));
export const useEditQuestion = () =>
  useAdminMutation(({ id, body }: { id: string; body: QuestionInput }) =>
    api.put<AdminQuestion>(`${base}/questions/${id}`, body),
  );
export const useArchiveQuestion = () =>
  useAdminMutation(({ id, archived }: { id: string; archived: boolean }) =>
    api.post<AdminQuestion>(`${base}/questions/${id}/${archived ? "archive" : "unarchive"}`),
  );
