import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Licenses, Quote, SeatList, StaffLicenses } from "../../../../src/features/billing/licenses/contract";
import { api } from "../../../api/http-client";

const base = (orgId: string) => `/api/organizations/${encodeURIComponent(orgId)}/licenses`;
export const licenseKeys = {
  all: ["billing", "licenses"] as const,
  org: (orgId: string) => [...licenseKeys.all, orgId] as const,
  seats: (orgId: string, poolId: string) => [...licenseKeys.all, orgId, "seats", poolId] as const,
  staff: () => [...licenseKeys.all, "staff"] as const,
};

export const useLicenses = (orgId: string) =>
  useQuery({ queryKey: licenseKeys.org(orgId), queryFn: () => api.get<Licenses>(base(orgId)), enabled: orgId !== "" });

export const useSeats = (orgId: string, poolId: string) =>
  useQuery({
    queryKey: licenseKeys.seats(orgId, poolId),
    queryFn: () => api.get<SeatList>(`${base(orgId)}/${encodeURIComponent(poolId)}/seats`),
  });

export const useStaffLicenses = () =>
  useQuery({ queryKey: licenseKeys.staff(), queryFn: () => api.get<StaffLicenses>("/api/admin/billing/licenses") });

function useRefresh() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: licenseKeys.all });
}

export const useRequestQuote = (orgId: string) => {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { planId: string; seats: number; poolId?: string }) =>
      api.post<Quote>(`${base(orgId)}/quotes`, body),
    onSuccess: refresh,
  });
};

export const useAcceptQuote = (orgId: string) => {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ quoteId, poNumber }: { quoteId: string; poNumber: string }) =>
      api.post<Quote>(`${base(orgId)}/quotes/${encodeURIComponent(quoteId)}/accept`, { poNumber }),
    onSuccess: refresh,
  });
};

export const useAssignSeat = (orgId: string, poolId: string) => {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { userId?: string; email?: string }) =>
      api.post<SeatList>(`${base(orgId)}/${encodeURIComponent(poolId)}/seats`, body),
    onSuccess: refresh,
  });
};

export const useFreeSeat = (orgId: string, poolId: string) => {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (seatId: string) =>
      api.delete(`${base(orgId)}/${encodeURIComponent(poolId)}/seats/${encodeURIComponent(seatId)}`),
    onSuccess: refresh,
  });
};

export const useRecordPayment = () => {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (invoiceId: string) =>
      api.post<{ poolId: string }>(`/api/admin/billing/license-invoices/${encodeURIComponent(invoiceId)}/payments`, {
        method: "bank_transfer",
      }),
    onSuccess: refresh,
  });
};
