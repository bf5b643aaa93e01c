import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import { isIP } from "node:net";
import { hostOf, isPrivateAddress, type ResolveHost, resolveHost } from "./webhook-target.js";

export type WebhookRequest = { url: string; headers: Record<string, string>; body: string };
/** "blocked": the host resolved to an address webhooks may not reach; nothing was sent. */
export type WebhookResult = { outcome: "answered"; status: number } | { outcome: "blocked"; address: string };
export type WebhookSender = (request: WebhookRequest) => Promise<WebhookResult>;

const TIMEOUT_MS = 10_000;

class BlockedAddress extends Error {
  constructor(readonly address: string) {
    super(`webhook address ${address} is not public`);
  }
}

/**
 * POSTs with the connection pinned to the addresses checked: the socket connects only to what the
 * lookup below resolved and allowed, so a name cannot be re-pointed at a private address between the
 * check and the connection. Redirects are not followed (a 3xx is an answer like any other).
 * `allow` decides which addresses may be reached (public ones only, unless a test says otherwise).
 */
export function webhookSender(
  allow: (address: string) => boolean = (a) => !isPrivateAddress(a),
  resolve: ResolveHost = resolveHost,
): WebhookSender {
  const lookup: LookupFunction = (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        const refused = addresses.find((a) => !allow(a));
        const first = addresses[0];
        if (refused !== undefined || first === undefined) {
          callback(new BlockedAddress(refused ?? hostname), "", 4);
          return;
        }
        const all = addresses.map((address) => ({ address, family: isIP(address) }));
        if (options.all) (callback as unknown as (e: null, a: typeof all) => void)(null, all);
        else callback(null, first, isIP(first));
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 4),
    );
  };

  return async ({ url, headers, body }) => {
    const target = new URL(url);
    const literal = hostOf(target);
    if (isIP(literal) && !allow(literal)) return { outcome: "blocked", address: literal };
    const send = target.protocol === "https:" ? httpsRequest : httpRequest;
    try {
      const status = await new Promise<number>((resolveStatus, reject) => {
        const req = send(
          target,
          { method: "POST", headers: { ...headers, "content-length": Buffer.byteLength(body) }, lookup },
          (res) => {
            res.resume(); // the answer's body is not needed
            res.on("end", () => resolveStatus(res.statusCode ?? 0));
            res.on("error", reject);
          },
        );
        req.setTimeout(TIMEOUT_MS, () => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
        req.on("error", reject);
        req.end(body);
      });
      return { outcome: "answered", status };
    } catch (error) {
      if (error instanceof BlockedAddress) return { outcome: "blocked", address: error.address };
      throw error;
    }
  };
}

/** The sender the alert job uses: public addresses only. */
export const sendWebhook: WebhookSender = webhookSender();
