import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { MeResponse } from "../../../../src/features/accounts/identity/contract";
import type {
  ChangeRoleBody,
  CreateOrganizationBody,
  Invitation,
  InvitationList,
  InvitationPreview,
  InviteBody,
  Member,
  MemberList,
  Organization,
  SetManagerBody,
  UpdateOrganizationBody,
} from "../../../../src/features/accounts/organizations/contract";
import { api } from "../../../api/http-client";
import { invitationKeys, meKeys, organizationKeys } from "../../../api/query-keys";

const inline = { meta: { inlineError: true } };
const orgPath = (orgId: string) => `/api/organizations/${encodeURIComponent(orgId)}`;

export function useOrganization(orgId: string) {
  return useQuery({ queryKey: organizationKeys.detail(orgId), queryFn: () => api.get<Organization>(orgPath(orgId)) });
}

export function useMembers(orgId: string) {
  return useQuery({
    queryKey: organizationKeys.members(orgId),
    queryFn: () => api.get<MemberList>(`${orgPath(orgId)}/members`),
  });
}

export function useInvitations(orgId: string, enabled: boolean) {
  return useQuery({
    queryKey: organizationKeys.invitations(orgId),
    queryFn: () => api.get<InvitationList>(`${orgPath(orgId)}/invitations`),
    enabled,
  });
}

export function useSetActiveOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (organizationId: string) => api.post<MeResponse>("/api/me/active-organization", { organizationId }),
    onSuccess: (me) => {
      queryClient.setQueryData(meKeys.me(), me);
      return queryClient.invalidateQueries({ queryKey: organizationKeys.all });
    },
  });
}

export function useCreateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    ...inline,
    mutationFn: (body: CreateOrganizationBody) => api.post<Organization>("/api/organizations", body),
    // The creator becomes owner and the new organization becomes active.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKeys.me() }),
  });
}

export function useRenameOrganization(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    ...inline,
    mutationFn: (body: UpdateOrganizationBody) => api.patch<Organization>(orgPath(orgId), body),
    onSuccess: (organization) => {
      queryClient.setQueryData(organizationKeys.detail(orgId), organization);
      // The switcher lists names from /api/me.
      return queryClient.invalidateQueries({ queryKey: meKeys.me() });
    },
  });
}

export function useChangeMemberRole(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string } & ChangeRoleBody) =>
      api.patch<Member>(`${orgPath(orgId)}/members/${encodeURIComponent(userId)}`, { role }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: organizationKeys.members(orgId) }),
        queryClient.invalidateQueries({ queryKey: meKeys.me() }),
      ]),
  });
}

export function useSetManager(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, managerUserId }: { userId: string } & SetManagerBody) =>
      api.put<Member>(`${orgPath(orgId)}/members/${encodeURIComponent(userId)}/manager`, { managerUserId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organizationKeys.members(orgId) }),
  });
}

export function useRemoveMember(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.delete(`${orgPath(orgId)}/members/${encodeURIComponent(userId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organizationKeys.members(orgId) }),
  });
}

export function useInvite(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    ...inline,
    mutationFn: (body: InviteBody) => api.post<Invitation>(`${orgPath(orgId)}/invitations`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organizationKeys.invitations(orgId) }),
  });
}

export function useRevokeInvitation(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) =>
      api.delete(`${orgPath(orgId)}/invitations/${encodeURIComponent(invitationId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organizationKeys.invitations(orgId) }),
  });
}

export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: invitationKeys.preview(token),
    queryFn: () => api.get<InvitationPreview>(`/api/invitations/${encodeURIComponent(token)}`),
    retry: false,
  });
}

export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    ...inline,
    mutationFn: (token: string) => api.post<MeResponse>("/api/invitations/accept", { token }),
    onSuccess: (me) => {
      queryClient.setQueryData(meKeys.me(), me);
      return queryClient.invalidateQueries({ queryKey: organizationKeys.all });
    },
  });
}
