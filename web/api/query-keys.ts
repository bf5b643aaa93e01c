/** Query-key factories: one place decides how cached data is named, so invalidation stays exact. */
export const meKeys = {
  all: ["me"] as const,
  me: () => [...meKeys.all, "profile"] as const,
  sessions: () => [...meKeys.all, "sessions"] as const,
};

export const organizationKeys = {
  all: ["organizations"] as const,
  detail: (orgId: string) => [...organizationKeys.all, orgId] as const,
  members: (orgId: string) => [...organizationKeys.detail(orgId), "members"] as const,
  invitations: (orgId: string) => [...organizationKeys.detail(orgId), "invitations"] as const,
};

export const invitationKeys = {
  all: ["invitations"] as const,
  preview: (token: string) => [...invitationKeys.all, "preview", token] as const,
};

export const outboxKeys = {
  all: ["admin", "outbox"] as const,
  list: (filter: { to: string; limit: number; offset: number }) => [...outboxKeys.all, filter] as const,
};
