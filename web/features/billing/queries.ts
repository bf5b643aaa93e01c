import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CheckoutResponse,
  MySubscription,
  PlanList,
  SubscriptionView,
  TestCheckoutView,
} from "../../../src/features/billing/contract";
import { api } from "../../api/http-client";

export const billingKeys = {
  all: ["billing"] as const,
  plans: () => [...billingKeys.all, "plans"] as const,
  mine: () => [...billingKeys.all, "mine"] as const,
  testCheckout: (id: string) => [...billingKeys.all, "test-checkout", id] as const,
};

export const usePlans = () =>
  useQuery({ queryKey: billingKeys.plans(), queryFn: () => api.get<PlanList>("/api/billing/plans") });

export const useMySubscription = () =>
  useQuery({ queryKey: billingKeys.mine(), queryFn: () => api.get<MySubscription>("/api/me/subscription") });

export const useTestCheckout = (checkoutId: string) =>
  useQuery({
    queryKey: billingKeys.testCheckout(checkoutId),
    queryFn: () => api.get<TestCheckoutView>(`/api/billing/test-checkout/${encodeURIComponent(checkoutId)}`),
  });

/** Starts a checkout and sends the browser to it (test mode: a Pulse page; Stripe: its hosted page). */
export const useStartCheckout = () =>
  useMutation({
    mutationFn: (planId: string) => api.post<CheckoutResponse>("/api/me/subscription/checkout", { planId }),
    onSuccess: ({ url }) => window.location.assign(url),
  });

/** Anything that changes what a person may open: refresh billing and the academy's locks. */
function useRefreshAfterChange() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: billingKeys.all });
    void queryClient.invalidateQueries({ queryKey: ["academy"] });
  };
}

export const useCompleteTestCheckout = (checkoutId: string) => {
  const refresh = useRefreshAfterChange();
  return useMutation({
    mutationFn: (card: "4242" | "0341") =>
      api.post<CheckoutResponse>(`/api/billing/test-checkout/${encodeURIComponent(checkoutId)}/complete`, { card }),
    onSuccess: refresh,
  });
};

export const useChangeSubscription = (action: "cancel" | "resume") => {
  const refresh = useRefreshAfterChange();
  return useMutation({
    mutationFn: () => api.post<SubscriptionView>(`/api/me/subscription/${action}`, {}),
    onSuccess: refresh,
  });
};
