/** Addresses and credentials shared by the e2e server (serve.ts) and the specs. */
/** Overridable so two checkouts (or helpers) can run their browser tests at once. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
export const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2526);
export const MAIL_DIR = process.env.E2E_MAIL_DIR ?? ".tmp/e2e-mail";
export const ADMIN = { email: "admin@e2e.test", password: "lantern-river-copper-e2e" };
