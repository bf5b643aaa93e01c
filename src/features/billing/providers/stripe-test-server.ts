import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { stripeFixtures as fx } from "./stripe-fixtures.js";

export type RecordedRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  form: URLSearchParams;
  idempotencyKey: string | null;
};

/**
 * A local HTTP server on 127.0.0.1 answering the Stripe endpoints the adapter calls with fixture JSON
 * (tests only: no internet). It records each request; `prices` are the Prices it knows (by lookup key).
 */
export type StripeTestServer = {
  url: string;
  requests: RecordedRequest[];
  prices: Map<string, { id: string; amount: number; currency: string }>;
  /** Makes the next call to this path answer Stripe's error shape with the status. */
  failNext: (path: string, status: number, message: string) => void;
  close: () => Promise<void>;
};

const read = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => {
      body += c;
    });
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });

export async function startStripeTestServer(): Promise<StripeTestServer> {
  const requests: RecordedRequest[] = [];
  const prices = new Map<string, { id: string; amount: number; currency: string }>();
  const failures = new Map<string, { status: number; message: string }>();
  let seq = 0;
  const next = (prefix: string) => `${prefix}_test${String(++seq).padStart(6, "0")}`;

  function answer(r: RecordedRequest): [number, unknown] {
    const failure = failures.get(r.path);
    if (failure) {
      failures.delete(r.path);
      return [failure.status, fx.error(failure.message)];
    }
    const f = r.form;
    const m = r.method;
    if (m === "GET" && r.path === "/v1/prices") {
      const key = r.query.get("lookup_keys[0]") ?? "";
      const p = prices.get(key);
      return [200, fx.priceList(p ? [fx.price(p.id, key, p.amount, p.currency)] : [])];
    }
    if (m === "POST" && r.path === "/v1/prices") {
      const key = f.get("lookup_key") ?? "";
      const p = { id: next("price"), amount: Number(f.get("unit_amount")), currency: f.get("currency") ?? "usd" };
      prices.set(key, p);
      return [200, fx.price(p.id, key, p.amount, p.currency)];
    }
    if (m === "POST" && r.path === "/v1/checkout/sessions") {
      const metadata: Record<string, string> = {};
      for (const [k, v] of f) {
        const key = /^metadata\[(.+)\]$/.exec(k)?.[1];
        if (key) metadata[key] = v;
      }
      return [200, fx.checkoutSession(next("cs"), f.get("customer_email") ?? "", metadata)];
    }
    const subMatch = /^\/v1\/subscriptions\/(\w+)$/.exec(r.path);
    if (m === "POST" && subMatch) {
      return [
        200,
        fx.subscription({
          id: subMatch[1] as string,
          customer: "cus_test",
          cancelAtPeriodEnd: f.get("cancel_at_period_end") === "true",
        }),
      ];
    }
    if (m === "GET" && r.path === "/v1/customers") return [200, fx.customerList([])];
    if (m === "POST" && r.path === "/v1/customers") {
      return [200, fx.customer(next("cus"), f.get("email"), f.get("name") ?? "")];
    }
    if (m === "POST" && r.path === "/v1/invoices") {
      return [
        200,
        fx.invoice({
          id: next("in"),
          status: "draft",
          customer: f.get("customer") ?? "",
          collectionMethod: f.get("collection_method") ?? "charge_automatically",
          daysUntilDue: f.has("days_until_due") ? Number(f.get("days_until_due")) : null,
        }),
      ];
    }
    if (m === "POST" && r.path === "/v1/invoiceitems") {
      return [
        200,
        fx.invoiceItem(next("ii"), f.get("invoice") ?? "", Number(f.get("amount")), f.get("description") ?? ""),
      ];
    }
    const invMatch = /^\/v1\/invoices\/(\w+)\/(finalize|send|void)$/.exec(r.path);
    if (m === "POST" && invMatch) {
      const status = invMatch[2] === "void" ? "void" : "open";
      return [
        200,
        fx.invoice({
          id: invMatch[1] as string,
          status,
          customer: "cus_test",
          collectionMethod: "send_invoice",
          daysUntilDue: 30,
        }),
      ];
    }
    return [404, fx.error(`Unrecognized request URL (${m}: ${r.path}).`)];
  }

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const body = await read(req);
    const recorded: RecordedRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      form: new URLSearchParams(body),
      idempotencyKey: (req.headers["idempotency-key"] as string | undefined) ?? null,
    };
    requests.push(recorded);
    const [status, json] = answer(recorded);
    res.writeHead(status, { "content-type": "application/json", "request-id": `req_${seq}` });
    res.end(JSON.stringify(json));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    prices,
    failNext: (path, status, message) => failures.set(path, { status, message }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
