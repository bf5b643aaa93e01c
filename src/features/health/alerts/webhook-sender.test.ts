import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendWebhook, webhookSender } from "./webhook-sender.js";

describe("webhook sender", () => {
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      bodies.push(body);
      res.statusCode = req.url === "/moved" ? 302 : 204;
      if (req.url === "/moved") res.setHeader("location", "http://169.254.169.254/");
      res.end();
    });
  });
  let port = 0;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const request = (host: string, path = "/hook") => ({
    url: `http://${host}:${port}${path}`,
    headers: { "content-type": "application/json" },
    body: '{"text":"hi"}',
  });

  it("does not connect to a loopback address, given literally or by a name resolved when sending", async () => {
    expect(await sendWebhook(request("127.0.0.1"))).toEqual({ outcome: "blocked", address: "127.0.0.1" });
    expect(await sendWebhook(request("localhost"))).toEqual({ outcome: "blocked", address: "127.0.0.1" });
    // A public-looking name that resolves to loopback now (DNS rebinding) is refused at connect time.
    const rebound = webhookSender(undefined, async () => ["127.0.0.1"]);
    expect(await rebound(request("hooks.example.com"))).toEqual({ outcome: "blocked", address: "127.0.0.1" });
    expect(bodies).toEqual([]);
  });

  it("posts to an allowed address, connecting only to what the check resolved, and follows no redirect", async () => {
    const allowLoopback = webhookSender(
      (address) => address === "127.0.0.1",
      async () => ["127.0.0.1"],
    );
    expect(await allowLoopback(request("hooks.example.com"))).toEqual({ outcome: "answered", status: 204 });
    expect(await allowLoopback(request("hooks.example.com", "/moved"))).toEqual({ outcome: "answered", status: 302 });
    expect(bodies).toEqual(['{"text":"hi"}', '{"text":"hi"}']);
  });
});
