/**
 * A stand-in for src/detect/login.ts so adapter tests do not depend on the detector's
 * catalogue (which folds agent accounts together): lower case, no "[bot]", `Bot` → isBot.
 */
import type { Actor } from "../../src/facts.js";

export function normalizeLogin(login: string): string {
  return login.trim().replace(/^@/, "").replace(/\[bot\]$/i, "").toLowerCase();
}

export function normalizeActor(login: string, id?: number, type?: string): Actor {
  const actor: Actor = { login: normalizeLogin(login), isBot: /\[bot\]$/i.test(login) || type === "Bot" };
  if (id !== undefined) actor.id = id;
  return actor;
}

export const loginDouble = () => ({ normalizeLogin, normalizeActor });
