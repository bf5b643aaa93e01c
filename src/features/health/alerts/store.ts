// This feature's queries: alerts, inbox items with e-mail choices, and the clients reminders are about.
export * from "./store/alerts.js";
export * from "./store/notifications.js";
export * from "./store/reminders.js";
