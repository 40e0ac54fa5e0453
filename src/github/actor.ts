/**
 * An account as either API names it, normalised once (detect/login.ts): "copilot-swe-agent[bot]"
 * from REST and `Bot copilot-swe-agent` from GraphQL become the same actor.
 */
import { normalizeActor } from "../detect/login.js";
import type { Actor } from "../facts.js";

/** A deleted account shows as a null user or author; GitHub renders it as "ghost". */
const GHOST = "ghost";

export function accountActor(account: { login: string; id?: number | null; type?: string } | null | undefined): Actor {
  if (!account) return normalizeActor(GHOST);
  return normalizeActor(account.login, account.id ?? undefined, account.type);
}
