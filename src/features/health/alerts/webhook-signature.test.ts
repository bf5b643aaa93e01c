import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { slackMessage } from "./alert-messages.js";
import { signWebhookBody, verifyWebhookSignature } from "./webhook-signature.js";

describe("webhook signature", () => {
  const body = JSON.stringify({ text: "Globex is at High Risk" });
  const secret = "a-long-enough-secret";

  it("is the hex HMAC-SHA256 of the body, prefixed with sha256=", () => {
    const hex = createHmac("sha256", secret).update(body).digest("hex");
    expect(signWebhookBody(body, secret)).toBe(`sha256=${hex}`);
  });

  it("verifies only the same body with the same secret", () => {
    const signature = signWebhookBody(body, secret);
    expect(verifyWebhookSignature(body, secret, signature)).toBe(true);
    expect(verifyWebhookSignature(`${body} `, secret, signature)).toBe(false);
    expect(verifyWebhookSignature(body, "another-secret-entirely", signature)).toBe(false);
    expect(verifyWebhookSignature(body, secret, "sha256=00")).toBe(false);
  });
});

describe("slackMessage", () => {
  it("has plain text for any receiver and escaped blocks for Slack", () => {
    const message = slackMessage(
      {
        clientId: "c1",
        clientName: "Smith & <Sons>",
        level: "high_risk",
        note: "Budget frozen",
        reasons: ["Budget cuts"],
        setByName: "Casey",
        csmName: "Casey",
      },
      "https://pulse.example",
    );
    expect(message.text).toBe(
      "Smith & <Sons> is at High Risk. Casey set Smith & <Sons> to High Risk. https://pulse.example/pulse/clients/c1",
    );
    expect(JSON.stringify(message.blocks)).toContain("Smith &amp; &lt;Sons&gt;");
    expect(message.blocks[2]).toEqual({
      type: "context",
      elements: [{ type: "mrkdwn", text: "<https://pulse.example/pulse/clients/c1|Open the client in Pulse>" }],
    });
  });
});
