/**
 * The GitHub App's private key from PRIVATE_KEY (the PEM, or base64 of it) or
 * PRIVATE_KEY_PATH (its file), with a start-up error that says which of the two is wrong
 * and how: a missing file and a value that is no key are different mistakes to fix.
 */
import { createPrivateKey } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { getPrivateKey } from "@probot/get-private-key";

/** `missing`: neither variable is set (and no single *.pem file lies in the directory). */
export type PrivateKeyResult = { ok: true; pem: string } | { ok: false; missing: true } | { ok: false; missing: false; problem: string };

export function readPrivateKey(env: Record<string, string | undefined>, cwd: string = process.cwd()): PrivateKeyResult {
  if (!env.PRIVATE_KEY && env.PRIVATE_KEY_PATH) {
    const path = resolve(cwd, env.PRIVATE_KEY_PATH);
    if (!existsSync(path)) return { ok: false, missing: false, problem: `PRIVATE_KEY_PATH ${env.PRIVATE_KEY_PATH}: file not found` };
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (error) {
      return { ok: false, missing: false, problem: `PRIVATE_KEY_PATH ${env.PRIVATE_KEY_PATH}: cannot read it (${(error as NodeJS.ErrnoException).code ?? "error"})` };
    }
    return isPemPrivateKey(text)
      ? { ok: true, pem: text }
      : { ok: false, missing: false, problem: `PRIVATE_KEY_PATH ${env.PRIVATE_KEY_PATH}: not a PEM private key (use the .pem file GitHub generated for the app)` };
  }
  let pem: string | null;
  try {
    // Probot's own reading: PRIVATE_KEY as PEM or base64, else a single *.pem in the directory.
    pem = getPrivateKey({ env, cwd });
  } catch {
    pem = null;
    if (env.PRIVATE_KEY) return notAKey();
  }
  if (pem === null) return { ok: false, missing: true };
  if (isPemPrivateKey(pem)) return { ok: true, pem };
  return env.PRIVATE_KEY ? notAKey() : { ok: false, missing: false, problem: "the .pem file in the working directory is not a PEM private key" };
}

function notAKey(): PrivateKeyResult {
  return { ok: false, missing: false, problem: "PRIVATE_KEY: not a PEM private key (set it to the contents of the app's .pem file, or their base64)" };
}

function isPemPrivateKey(text: string): boolean {
  if (!/-----BEGIN (RSA )?PRIVATE KEY-----/.test(text)) return false;
  try {
    createPrivateKey(text);
    return true;
  } catch {
    return false;
  }
}
