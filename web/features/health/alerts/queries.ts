import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  Alert,
  AlertList,
  AlertSettings,
  AlertSettingsBody,
  Notification,
  NotificationList,
  NotificationPreferences,
} from "../../../../src/features/health/alerts/contract";
import { api, apiRequest, queryString } from "../../../api/http-client";

const inline = { meta: { inlineError: true } };
const orgPath = (orgId: string) => `/api/organizations/${encodeURIComponent(orgId)}`;

export type AlertStatus = "open" | "claimed" | "recovered" | "all";
export type AlertPage = { status: AlertStatus; limit: number; offset: number };

export const alertKeys = {
  all: (orgId: string) => ["health", orgId, "alerts"] as const,
  list: (orgId: string, page: AlertPage) => [...alertKeys.all(orgId), "list", page] as const,
  inbox: (orgId: string) => [...alertKeys.all(orgId), "inbox"] as const,
  preferences: (orgId: string) => [...alertKeys.all(orgId), "preferences"] as const,
  settings: (orgId: string) => [...alertKeys.all(orgId), "settings"] as const,
};

/** Managers' list of alerts: open (unclaimed), claimed or all. */
export function useAlerts(orgId: string, page: AlertPage, enabled = true) {
  return useQuery({
    queryKey: alertKeys.list(orgId, page),
    queryFn: () => api.get<AlertList>(`${orgPath(orgId)}/alerts${queryString(page)}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useClaimAlert(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (alertId: string) => api.post<Alert>(`${orgPath(orgId)}/alerts/${encodeURIComponent(alertId)}/claim`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...alertKeys.all(orgId), "list"] }),
  });
}

const INBOX_POLL_MS = 60_000;

/** The signed-in person's inbox in the organization; refreshed every minute while the app is open. */
export function useInbox(orgId: string) {
  return useQuery({
    queryKey: alertKeys.inbox(orgId),
    queryFn: () => api.get<NotificationList>(`${orgPath(orgId)}/notifications${queryString({ limit: 50 })}`),
    refetchInterval: INBOX_POLL_MS,
  });
}

export function useMarkRead(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api.post<Notification>(`${orgPath(orgId)}/notifications/${encodeURIComponent(id)}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: alertKeys.inbox(orgId) }),
  });
}

export function useMarkAllRead(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ updated: number }>(`${orgPath(orgId)}/notifications/read-all`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: alertKeys.inbox(orgId) }),
  });
}

export function useNotificationPreferences(orgId: string) {
  return useQuery({
    queryKey: alertKeys.preferences(orgId),
    queryFn: () => api.get<NotificationPreferences>(`${orgPath(orgId)}/notification-preferences`),
  });
}

export function useSaveNotificationPreferences(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    ...inline,
    mutationFn: (body: NotificationPreferences) =>
      apiRequest<NotificationPreferences>("PUT", `${orgPath(orgId)}/notification-preferences`, body),
    onSuccess: (saved) => queryClient.setQueryData(alertKeys.preferences(orgId), saved),
  });
}

export function useAlertSettings(orgId: string) {
  return useQuery({
    queryKey: alertKeys.settings(orgId),
    queryFn: () => api.get<AlertSettings>(`${orgPath(orgId)}/health-settings`),
  });
}

export function useSaveAlertSettings(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    ...inline,
    mutationFn: (body: AlertSettingsBody) =>
      apiRequest<AlertSettings>("PUT", `${orgPath(orgId)}/health-settings`, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(alertKeys.settings(orgId), saved);
      // reminderDays is also the staleness limit every client's pulse is shown with.
      return queryClient.invalidateQueries({ queryKey: ["health", orgId, "clients"] });
    },
  });
}
