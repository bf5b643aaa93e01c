import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CreateReasonCodeBody,
  PulseEntry,
  PulseHistory,
  ReasonCode,
  ScoreFormulaBody,
  SetPulseBody,
  SuccessScoreView,
  UpdateReasonCodeBody,
} from "../../../../src/features/health/pulses/contract";
import { api, apiRequest } from "../../../api/http-client";
import { clientKeys } from "../clients/queries";

const inline = { meta: { inlineError: true } };
const orgPath = (orgId: string) => `/api/organizations/${encodeURIComponent(orgId)}`;
const clientPath = (orgId: string, clientId: string) => `${orgPath(orgId)}/clients/${encodeURIComponent(clientId)}`;

export type ScoreFormula = ScoreFormulaBody & { version: number };

export const pulseKeys = {
  all: (orgId: string) => ["health", orgId, "pulses"] as const,
  history: (orgId: string, clientId: string) => [...pulseKeys.all(orgId), "history", clientId] as const,
  score: (orgId: string, clientId: string) => [...pulseKeys.all(orgId), "success-score", clientId] as const,
  reasonCodes: (orgId: string) => [...pulseKeys.all(orgId), "reason-codes"] as const,
  formula: (orgId: string) => [...pulseKeys.all(orgId), "formula"] as const,
};

export function usePulseHistory(orgId: string, clientId: string) {
  return useQuery({
    queryKey: pulseKeys.history(orgId, clientId),
    queryFn: () => api.get<PulseHistory>(`${clientPath(orgId, clientId)}/pulses`),
  });
}

export function useSuccessScore(orgId: string, clientId: string) {
  return useQuery({
    queryKey: pulseKeys.score(orgId, clientId),
    queryFn: () => api.get<SuccessScoreView>(`${clientPath(orgId, clientId)}/success-score`),
  });
}

/** Records a pulse (or a correction): the client's current pulse, history and score all change. */
export function useSetPulse(orgId: string, clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    ...inline,
    mutationFn: (body: SetPulseBody) => api.post<PulseEntry>(`${clientPath(orgId, clientId)}/pulses`, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: pulseKeys.history(orgId, clientId) }),
        queryClient.invalidateQueries({ queryKey: pulseKeys.score(orgId, clientId) }),
        queryClient.invalidateQueries({ queryKey: pulseKeys.reasonCodes(orgId) }),
        queryClient.invalidateQueries({ queryKey: clientKeys.all(orgId) }),
      ]),
  });
}

export function useReasonCodes(orgId: string) {
  return useQuery({
    queryKey: pulseKeys.reasonCodes(orgId),
    queryFn: () => api.get<{ reasonCodes: ReasonCode[] }>(`${orgPath(orgId)}/reason-codes`),
    select: (data) => data.reasonCodes,
  });
}

export function useCreateReasonCode(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    ...inline,
    mutationFn: (body: CreateReasonCodeBody) => api.post<ReasonCode>(`${orgPath(orgId)}/reason-codes`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: pulseKeys.reasonCodes(orgId) }),
  });
}

export function useUpdateReasonCode(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    ...inline,
    mutationFn: ({ id, ...body }: UpdateReasonCodeBody & { id: string }) =>
      api.patch<ReasonCode>(`${orgPath(orgId)}/reason-codes/${encodeURIComponent(id)}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: pulseKeys.reasonCodes(orgId) }),
  });
}

/** Deletes an unused code; the server retires a code that was ever used instead. */
export function useRemoveReasonCode(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest<{ result: "deleted" | "retired" }>(
        "DELETE",
        `${orgPath(orgId)}/reason-codes/${encodeURIComponent(id)}`,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: pulseKeys.reasonCodes(orgId) }),
  });
}

export function useScoreFormula(orgId: string) {
  return useQuery({
    queryKey: pulseKeys.formula(orgId),
    queryFn: () => api.get<ScoreFormula>(`${orgPath(orgId)}/success-score/formula`),
  });
}

/** Saves a new formula version; every client's score view changes with it. */
export function useSaveScoreFormula(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    ...inline,
    mutationFn: (body: ScoreFormulaBody) =>
      apiRequest<ScoreFormula>("PUT", `${orgPath(orgId)}/success-score/formula`, body),
    onSuccess: (formula) => {
      queryClient.setQueryData(pulseKeys.formula(orgId), formula);
      return queryClient.invalidateQueries({ queryKey: [...pulseKeys.all(orgId), "success-score"] });
    },
  });
}
