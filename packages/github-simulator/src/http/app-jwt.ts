/**
 * Verifies a GitHub App JWT as GitHub does: RS256 signed by the app's key, `iss` = app id,
 * not expired, not issued in the future, lifetime at most ten minutes.
 */
import { createPublicKey, verify, type KeyObject } from "node:crypto";

export type JwtCheck = { ok: true; appId: number } | { ok: false; message: string };

/** GitHub tolerates some clock drift between the app and itself. */
const CLOCK_SKEW_SECONDS = 60;
const MAX_LIFETIME_SECONDS = 600;

export function publicKeyOf(key: string): KeyObject {
  // createPublicKey accepts a private key PEM too and derives its public half.
  return createPublicKey(key);
}

export function looksLikeJwt(token: string): boolean {
  return /^eyJ[\w-]*\.[\w-]+\.[\w-]*$/.test(token);
}

export function verifyAppJwt(token: string, publicKey: KeyObject, appId: number, nowSeconds = Math.floor(Date.now() / 1000)): JwtCheck {
  const parts = token.split(".");
  if (parts.length !== 3) return { ok: false, message: "A JSON web token could not be decoded" };
  const [headerPart, payloadPart, signaturePart] = parts;
  let header: { alg?: string };
  let payload: { iss?: unknown; exp?: unknown; iat?: unknown };
  try {
    header = JSON.parse(Buffer.from(headerPart, "base64url").toString("utf8"));
    payload = JSON.parse(Buffer.from(payloadPart, "base64url").toString("utf8"));
  } catch {
    return { ok: false, message: "A JSON web token could not be decoded" };
  }
  if (header.alg !== "RS256") return { ok: false, message: "A JSON web token could not be decoded" };
  const signed = verify("RSA-SHA256", Buffer.from(`${headerPart}.${payloadPart}`), publicKey, Buffer.from(signaturePart, "base64url"));
  if (!signed) return { ok: false, message: "A JSON web token could not be decoded" };
  if (!/^\d+$/.test(String(payload.iss))) return { ok: false, message: "'Issuer' claim ('iss') must be an Integer" };
  // Another app's id: GitHub looks up that app's key, which did not sign this token.
  if (String(payload.iss) !== String(appId)) return { ok: false, message: "A JSON web token could not be decoded" };
  if (typeof payload.exp !== "number" || payload.exp <= nowSeconds - CLOCK_SKEW_SECONDS) {
    return {
      ok: false,
      message: "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires",
    };
  }
  if (typeof payload.iat !== "number" || payload.iat > nowSeconds + CLOCK_SKEW_SECONDS) {
    return { ok: false, message: "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued" };
  }
  if (payload.exp - payload.iat > MAX_LIFETIME_SECONDS + CLOCK_SKEW_SECONDS) {
    return { ok: false, message: "'Expiration time' claim ('exp') is too far in the future" };
  }
  return { ok: true, appId };
}
