export const ALERT_TABS = ["alerts", "inbox", "settings"] as const;
export type AlertTab = (typeof ALERT_TABS)[number];
export type AlertsSearch = { tab?: AlertTab };

/** `?tab=` of the Alerts page (links in mails open the inbox or the settings tab). */
export function validateAlertsSearch(search: Record<string, unknown>): AlertsSearch {
  const tab = ALERT_TABS.find((t) => t === search.tab);
  return tab ? { tab } : {};
}
