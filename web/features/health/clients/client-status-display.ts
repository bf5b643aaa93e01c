import { ClientStatus } from "../../../../src/features/health/clients/contract";

export type ClientStatusValue = (typeof ClientStatus)["options"][number];

export const CLIENT_STATUSES: readonly ClientStatusValue[] = ClientStatus.options;

export const CLIENT_STATUS_LABELS: Record<ClientStatusValue, string> = {
  onboarding: "Onboarding",
  active: "Active",
  at_risk: "At risk",
  churned: "Churned",
  inactive: "Inactive",
};

export const CLIENT_STATUS_COLORS: Record<ClientStatusValue, string> = {
  onboarding: "cyan.8",
  active: "teal.8",
  at_risk: "orange.9",
  churned: "red.8",
  inactive: "gray.7",
};
