/**
 * Starts what the e2e journeys need: an SMTP sink that writes each received mail as JSON into
 * MAIL_DIR, and the Pulse server on a fresh data directory, sending its mail to that sink.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { SMTPServer } from "smtp-server";
import { ADMIN, E2E_BASE_URL, E2E_PORT, MAIL_DIR, SMTP_PORT } from "./e2e-env.js";
import { parseRfc822 } from "./rfc822.js";

const mailDir = resolve(MAIL_DIR);
rmSync(mailDir, { recursive: true, force: true });
mkdirSync(mailDir, { recursive: true });

let received = 0;
const smtp = new SMTPServer({
  secure: false,
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      const { subject, text } = parseRfc822(Buffer.concat(chunks).toString("utf8"));
      const to = session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase());
      received += 1;
      const name = `${Date.now()}-${String(received).padStart(4, "0")}.json`;
      writeFileSync(
        join(mailDir, name),
        JSON.stringify({ to, subject, text, receivedAt: new Date().toISOString() }, null, 2),
      );
      callback();
    });
  },
});

let app: ChildProcess | undefined;
function stop(code = 0): never {
  app?.kill("SIGTERM");
  smtp.close();
  process.exit(code);
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));
process.on("exit", () => app?.kill("SIGTERM"));

smtp.listen(SMTP_PORT, "127.0.0.1", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "pulse-e2e-"));
  app = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    stdio: "inherit",
    env: {
      ...process.env,
      PORT: String(E2E_PORT),
      DATA_DIR: dataDir,
      SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
      APP_URL: E2E_BASE_URL,
      PULSE_ADMIN_EMAIL: ADMIN.email,
      PULSE_ADMIN_PASSWORD: ADMIN.password,
      PULSE_DEMO: "false",
      LOG_LEVEL: "warn",
      // Many journeys sign in from one address within a minute.
      LOGIN_MAX_PER_IP_PER_MINUTE: "300",
      // Academy: the fixture program "mini" always; the real curricula too when they validate.
      CONTENT_DIR: "src/features/academy/catalog/fixtures,content",
    },
  });
  app.on("exit", (code) => {
    rmSync(dataDir, { recursive: true, force: true });
    stop(code ?? 1);
  });
});
