import { queryOptions, useMutation, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import type {
  Accepted,
  ChangePasswordBody,
  LoginBody,
  MeResponse,
  PasswordResetBody,
  PasswordResetConfirmBody,
  SessionList,
  SessionResponse,
  SignupBody,
  TokenBody,
  UpdateProfileBody,
} from "../../../../src/features/accounts/identity/contract";
import { api } from "../../../api/http-client";
import { meKeys, organizationKeys } from "../../../api/query-keys";

/** The signed-in person, or null when signed out (the session probe answers 200 either way, so no 401 is logged). */
export async function fetchMe(): Promise<MeResponse | null> {
  return (await api.get<SessionResponse>("/api/auth/session")).me;
}

export const meQueryOptions = queryOptions({
  queryKey: meKeys.me(),
  queryFn: fetchMe,
  staleTime: 30_000,
  retry: false,
});

export function useMe() {
  return useQuery(meQueryOptions);
}

/** The signed-in person inside the signed-in layout (which renders nothing while signed out). */
export function useSignedInMe(): MeResponse {
  const { data } = useSuspenseQuery(meQueryOptions);
  if (!data) throw new Error("useSignedInMe used outside the signed-in layout");
  return data;
}

const inline = { meta: { inlineError: true } };

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    ...inline,
    mutationFn: (body: LoginBody) => api.post<MeResponse>("/api/auth/login", body),
    onSuccess: (me) => {
      queryClient.removeQueries({ queryKey: organizationKeys.all });
      queryClient.setQueryData(meKeys.me(), me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>("/api/auth/logout"),
    onSettled: () => {
      queryClient.setQueryData(meKeys.me(), null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meKeys.all[0] });
      queryClient.removeQueries({ queryKey: meKeys.sessions() });
    },
  });
}

export function useSignup() {
  return useMutation({ ...inline, mutationFn: (body: SignupBody) => api.post<Accepted>("/api/auth/signup", body) });
}

export function useConfirmEmail() {
  return useMutation({
    ...inline,
    mutationFn: (body: TokenBody) => api.post<Accepted>("/api/auth/confirm-email", body),
  });
}

export function useResendConfirmation() {
  return useMutation({
    ...inline,
    mutationFn: (body: PasswordResetBody) => api.post<Accepted>("/api/auth/resend-confirmation", body),
  });
}

export function useRequestPasswordReset() {
  return useMutation({
    ...inline,
    mutationFn: (body: PasswordResetBody) => api.post<Accepted>("/api/auth/password-reset", body),
  });
}

export function useConfirmPasswordReset() {
  return useMutation({
    ...inline,
    mutationFn: (body: PasswordResetConfirmBody) => api.post<Accepted>("/api/auth/password-reset/confirm", body),
  });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    ...inline,
    mutationFn: (body: UpdateProfileBody) => api.patch<MeResponse>("/api/me", body),
    onSuccess: (me) => queryClient.setQueryData(meKeys.me(), me),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    ...inline,
    mutationFn: (body: ChangePasswordBody) => api.post<Accepted>("/api/me/password", body),
    // Other sessions end when the password changes.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKeys.sessions() }),
  });
}

export function useSessions() {
  return useQuery({
    queryKey: meKeys.sessions(),
    queryFn: () => api.get<SessionList>("/api/me/sessions"),
  });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) => api.delete(`/api/me/sessions/${encodeURIComponent(sessionId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKeys.sessions() }),
  });
}
