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

/** Plain color names: Mantine's light badges need them (a shade like "teal.8" turns the badge solid). */
export const CLIENT_STATUS_COLORS: Record<ClientStatusValue, string> = {
  onboarding: "cyan",
  active: "teal",
  at_risk: "orange",
  churned: "red",
  inactive: "gray",
};
