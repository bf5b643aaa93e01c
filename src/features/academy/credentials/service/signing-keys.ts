import {
  CompactSign,
  calculateJwkThumbprint,
  compactVerify,
  decodeProtectedHeader,
  exportJWK,
  exportPKCS8,
  generateKeyPair,
  importJWK,
  importPKCS8,
  type JWK,
} from "jose";
import type { AppContext } from "../../../../platform/context.js";
import * as store from "../store.js";

export const ALG = "EdDSA";
export const VC_JWT_TYPE = "vc+jwt";

type ActiveKey = { kid: string; privateKey: CryptoKey };

/** Per database: the active key, imported once (PEM import is not free). */
const cache = new WeakMap<object, Promise<ActiveKey>>();

async function loadOrCreateActiveKey(ctx: AppContext): Promise<ActiveKey> {
  const db = ctx.database.db;
  let row = await store.findActiveKey(db);
  if (!row) {
    const { publicKey, privateKey } = await generateKeyPair(ALG, { crv: "Ed25519", extractable: true });
    const jwk = await exportJWK(publicKey);
    const kid = await calculateJwkThumbprint(jwk);
    await store.insertActiveKeyOnce(db, {
      kid,
      algorithm: ALG,
      publicJwk: { ...jwk, kid, alg: ALG, use: "sig" },
      privateKeyPem: await exportPKCS8(privateKey),
      active: true,
      createdAt: ctx.clock.now(),
    });
    // Another process may have stored its key first: whichever is active is the one to use.
    row = await store.findActiveKey(db);
    if (!row) throw new Error("No active signing key after creating one");
  }
  return { kid: row.kid, privateKey: (await importPKCS8(row.privateKeyPem, ALG)) as CryptoKey };
}

function activeKey(ctx: AppContext): Promise<ActiveKey> {
  let key = cache.get(ctx.database);
  if (!key) {
    key = loadOrCreateActiveKey(ctx);
    cache.set(ctx.database, key);
    key.catch(() => cache.delete(ctx.database));
  }
  return key;
}

/** Signs a JSON payload as a compact JWS with typ vc+jwt (VC-JOSE-COSE). */
export async function signVcJwt(ctx: AppContext, payload: object): Promise<string> {
  const key = await activeKey(ctx);
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: ALG, typ: VC_JWT_TYPE, kid: key.kid })
    .sign(key.privateKey);
}

/** The public keys (every key ever used, so older credentials keep verifying) as a JWK Set. */
export async function publicJwks(ctx: AppContext): Promise<{ keys: JWK[] }> {
  await activeKey(ctx);
  const rows = await store.listKeys(ctx.database.db);
  return { keys: rows.map((r) => r.publicJwk as JWK) };
}

export type SignatureCheck = { ok: true; payload: unknown; kid: string } | { ok: false; reason: string };

/** Checks a compact JWS against the issuer's keys; never throws on bad input. */
export async function checkSignature(ctx: AppContext, jws: string): Promise<SignatureCheck> {
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(jws);
  } catch {
    return { ok: false, reason: "not a JWS" };
  }
  if (header.alg !== ALG) return { ok: false, reason: `unexpected alg ${String(header.alg)}` };
  if (header.typ !== VC_JWT_TYPE) return { ok: false, reason: `unexpected typ ${String(header.typ)}` };
  if (typeof header.kid !== "string") return { ok: false, reason: "no kid" };
  const row = await store.findKey(ctx.database.db, header.kid);
  if (!row) return { ok: false, reason: "unknown key" };
  try {
    const key = await importJWK(row.publicJwk as JWK, ALG);
    const { payload } = await compactVerify(jws, key, { algorithms: [ALG] });
    return { ok: true, payload: JSON.parse(new TextDecoder().decode(payload)), kid: row.kid };
  } catch {
    return { ok: false, reason: "bad signature or payload" };
  }
}
