export const CLIENT_STATUSES = ["onboarding", "active", "at_risk", "churned", "inactive"] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];
