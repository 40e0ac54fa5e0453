/**
 * Sessions live in one cookie, sealed with AES-256-GCM under a key derived from
 * GOVERNANCE_SESSION_SECRET: the browser can neither read the user's GitHub token in it nor
 * change a byte without the seal failing (a forged cookie opens to nothing). The seal carries
 * its expiry, so an old cookie replayed after it expired is refused too.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

export interface Session {
  login: string;
  /** The user-to-server token: GitHub answers "can this user read that repository" with it. */
  token: string;
  /** Submitted with every POST form. */
  csrf: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/** Short-lived state of one sign-in: the OAuth `state` and where to go afterwards. */
export interface SignIn {
  state: string;
  next: string;
  expiresAt: number;
}

export const SESSION_HOURS = 8;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class Sealer {
  private readonly key: Buffer;

  constructor(secret: string, purpose: string) {
    this.key = Buffer.from(hkdfSync("sha256", secret, "agent-governance", `console ${purpose}`, 32));
  }

  seal<T extends { expiresAt: number }>(value: T): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
    return Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url");
  }

  /** null when forged, damaged, sealed with another secret, or expired. */
  open<T extends { expiresAt: number }>(sealed: string | undefined, now: number): T | null {
    if (!sealed || sealed.length > 8192) return null;
    const raw = Buffer.from(sealed, "base64url");
    if (raw.length < IV_BYTES + TAG_BYTES + 2) return null;
    try {
      const decipher = createDecipheriv("aes-256-gcm", this.key, raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
      const text = Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString("utf8");
      const value = JSON.parse(text) as T;
      return typeof value.expiresAt === "number" && value.expiresAt > now ? value : null;
    } catch {
      return null;
    }
  }
}

export function newSession(login: string, token: string, now: number): Session {
  return { login, token, csrf: randomBytes(24).toString("base64url"), expiresAt: now + SESSION_HOURS * 3600_000 };
}
