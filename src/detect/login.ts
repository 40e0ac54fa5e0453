/**
 * GitHub logins as they arrive from different APIs, turned into one canonical `Actor`.
 *
 * REST keeps the `[bot]` suffix of GitHub App accounts ("dependabot[bot]"), GraphQL drops it
 * and says `__typename: "Bot"` instead; commits only carry an e-mail such as
 * `198982749+Copilot@users.noreply.github.com`. Copilot alone shows up as "Copilot",
 * "copilot-swe-agent[bot]" and "copilot-pull-request-reviewer[bot]" with several ids: the
 * catalogue's `canonicalLogin` folds them into one login so rules and the ledger see one agent.
 */
import type { Actor } from "../facts.js";
import { CATALOG } from "./catalog.js";

const BOT_SUFFIX = /\[bot\]$/i;

/** "Dependabot[bot]" → "dependabot": lower case, no `[bot]` suffix, no surrounding spaces or "@". */
export function normalizeLogin(login: string): string {
  // Facts arrive normalised and the engine asks this thousands of times per evaluation.
  if (ALREADY_NORMAL.test(login)) return login;
  return login.trim().replace(/^@/, "").replace(BOT_SUFFIX, "").toLowerCase();
}

const ALREADY_NORMAL = /^[a-z0-9][a-z0-9._-]*$/;

/** A login as written in a policy or the catalogue: "acme-coder[bot]" names an App account only. */
export interface LoginPattern {
  login: string;
  /** True when written with `[bot]`: a person's account of the same name must not match. */
  bot: boolean;
}

export function parseLoginPattern(written: string): LoginPattern {
  return { login: normalizeLogin(written), bot: BOT_SUFFIX.test(written.trim()) };
}

export function actorMatches(actor: Pick<Actor, "login" | "isBot">, pattern: LoginPattern): boolean {
  return actor.login === pattern.login && (!pattern.bot || actor.isBot);
}

/** Catalogue accounts that GitHub shows under several names, keyed by id and by login. */
const canonicalById = new Map<number, string>();
const canonicalByLogin = new Map<string, string>();
for (const agent of CATALOG) {
  if (!agent.canonicalLogin) continue;
  const canonical = normalizeLogin(agent.canonicalLogin);
  for (const identity of agent.identities) {
    if (identity.id !== undefined && identity.login) canonicalById.set(identity.id, canonical);
    if (identity.login) canonicalByLogin.set(normalizeLogin(identity.login), canonical);
  }
}

/**
 * "Copilot", "copilot-swe-agent[bot]", id 198982749 → `{ login: "copilot", isBot: true }`.
 * `type` is the API's account type ("Bot", "User", "Organization", GraphQL `__typename`).
 */
export function normalizeActor(login: string, id?: number, type?: string): Actor {
  const plain = normalizeLogin(login);
  let isBot = BOT_SUFFIX.test(login.trim()) || type === "Bot";
  // The numeric id wins over the display login: it is what GitHub never renames.
  const canonical = (id !== undefined ? canonicalById.get(id) : undefined) ?? canonicalByLogin.get(plain);
  if (canonical !== undefined) isBot = true;
  const actor: Actor = { login: canonical ?? plain, isBot };
  if (id !== undefined && Number.isSafeInteger(id) && id > 0) actor.id = id;
  return actor;
}

export interface NoreplyAddress {
  /** GitHub database id; absent in the older `login@users.noreply.github.com` form. */
  id?: number;
  /** The login exactly as written in the address, e.g. "claude[bot]" or "Copilot". */
  login: string;
}

// github.com and GHE.com data-residency hosts (users.noreply.<tenant>.ghe.com). Not gitee's
// "user.noreply.gitee.com", whose ids belong to another site.
const NOREPLY = /^(?:(\d+)\+)?([^@\s+]+)@users\.noreply\.(?:github\.com|[a-z0-9-]+\.ghe\.com)$/i;

/** `198982749+Copilot@users.noreply.github.com` → `{ id: 198982749, login: "Copilot" }`; else null. */
export function parseNoreplyEmail(email: string): NoreplyAddress | null {
  const match = NOREPLY.exec(email.trim());
  if (!match) return null;
  const address: NoreplyAddress = { login: match[2] };
  if (match[1] !== undefined) {
    const id = Number(match[1]);
    if (Number.isSafeInteger(id) && id > 0) address.id = id;
  }
  return address;
}

/** The account a noreply e-mail stands for, normalised like any other actor. */
export function actorFromNoreply(address: NoreplyAddress): Actor {
  return normalizeActor(address.login, address.id);
}
