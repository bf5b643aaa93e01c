/** Addresses and credentials shared by the e2e server (serve.ts) and the specs. */
export const E2E_PORT = 3100;
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
export const SMTP_PORT = 2526;
export const MAIL_DIR = ".tmp/e2e-mail";
export const ADMIN = { email: "admin@e2e.test", password: "e2e-admin-password" };
