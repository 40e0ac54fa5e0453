/**
 * Which agent, if any, an account or a git identity belongs to (the strongest signal: the account itself).
 *
 * Keys, most robust first: the GitHub numeric id (also read from the
 * `ID+login@users.noreply.github.com` e-mail), the App login, the exact e-mail. Display
 * names are never a key: people are called Devin and Claude. The catalogue index is built
 * once at module load; the policy's own `bots` and `not_ai` lists are passed in compiled.
 */
import type { Actor } from "../facts.js";
import { CATALOG, type AgentIdentity } from "./catalog.js";
import { actorMatches, normalizeActor, parseLoginPattern, parseNoreplyEmail, type LoginPattern } from "./login.js";

export interface AgentMatch {
  agent: string;
  variant?: string;
  /** How it matched, for the signal detail: "id 198982749", "login claude[bot]", "e-mail …". */
  via: string;
}

/** The policy's `detection.bots` / `detection.not_ai`, parsed once per policy. */
export interface IdentityConfig {
  catalog: boolean;
  /** Extra agent logins; the agent id is the login as the policy wrote it. */
  bots: { pattern: LoginPattern; agent: string }[];
  notAi: LoginPattern[];
}

interface IndexedIdentity {
  agent: string;
  identity: AgentIdentity;
  login?: LoginPattern;
}

const byId = new Map<number, IndexedIdentity>();
const byLogin = new Map<string, IndexedIdentity[]>();
const byEmail = new Map<string, IndexedIdentity[]>();

for (const agent of CATALOG) {
  for (const identity of agent.identities) {
    const login = identity.login ? parseLoginPattern(identity.login) : undefined;
    const indexed: IndexedIdentity = { agent: agent.id, identity, login };
    if (identity.id !== undefined && !byId.has(identity.id)) byId.set(identity.id, indexed);
    if (login) push(byLogin, login.login, indexed);
    if (identity.email) push(byEmail, identity.email.toLowerCase(), indexed);
  }
}
// Accounts that GitHub folds under one canonical login ("Copilot") answer to it as well.
for (const agent of CATALOG) {
  if (!agent.canonicalLogin) continue;
  const canonical = parseLoginPattern(agent.canonicalLogin).login;
  if (!byLogin.has(canonical)) {
    push(byLogin, canonical, { agent: agent.id, identity: { login: agent.canonicalLogin, evidence: "" } });
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** One variant when every identity behind a login agrees on it, else none. */
function sharedVariant(list: IndexedIdentity[]): string | undefined {
  const first = list[0].identity.variant;
  return list.every((entry) => entry.identity.variant === first) ? first : undefined;
}

export function isNotAi(actor: Pick<Actor, "login" | "isBot">, config: IdentityConfig): boolean {
  return config.notAi.some((pattern) => actorMatches(actor, pattern));
}

/** The agent behind a GitHub account (PR author, reviewer, resolved commit author). */
export function agentForActor(actor: Actor, config: IdentityConfig): AgentMatch | null {
  if (isNotAi(actor, config)) return null;
  if (config.catalog) {
    const withId = actor.id !== undefined ? byId.get(actor.id) : undefined;
    if (withId) return { agent: withId.agent, variant: withId.identity.variant, via: `id ${actor.id}` };
    const withLogin = byLogin.get(actor.login)?.filter((entry) => !entry.login || actorMatches(actor, entry.login));
    if (withLogin && withLogin.length > 0) {
      return { agent: withLogin[0].agent, variant: sharedVariant(withLogin), via: `login ${displayLogin(actor)}` };
    }
  }
  for (const bot of config.bots) {
    if (actorMatches(actor, bot.pattern)) return { agent: bot.agent, via: `login ${displayLogin(actor)}` };
  }
  return null;
}

function displayLogin(actor: Pick<Actor, "login" | "isBot">): string {
  return actor.isBot ? `${actor.login}[bot]` : actor.login;
}

/**
 * The agent behind a git name and e-mail (commit author/committer, a `Co-authored-by:` or
 * `Signed-off-by:` value): an exact catalogue e-mail, or a GitHub noreply address whose id
 * or login is an agent's. A noreply login is trusted even when its id is another account's
 * (`claude[bot]` on the github-actions id): `[bot]` logins cannot belong to a person, so the
 * address was set on purpose by whoever ran the agent.
 */
export function agentForGitIdentity(name: string, email: string, config: IdentityConfig): AgentMatch | null {
  const address = email.trim().toLowerCase();
  if (address === "") return null;
  if (config.catalog) {
    const exact = byEmail.get(address)?.filter((entry) => !entry.identity.namePrefix || name.startsWith(entry.identity.namePrefix));
    if (exact && exact.length > 0) return { agent: exact[0].agent, variant: exact[0].identity.variant, via: `e-mail ${address}` };
  }
  const noreply = parseNoreplyEmail(address);
  if (!noreply) return null;
  const actor = normalizeActor(noreply.login, noreply.id);
  return agentForActor(actor, config);
}
