/**
 * Names a policy gives to people, teams and agents, checked for the shapes that can never
 * match anything on GitHub: a team written as its display name or with two `/`, a login
 * with a space, an agent id misspelt or written as a bot login. The engine forgives a
 * leading `@`; that is only a warning. Runs on possibly schema-invalid data; never throws.
 */
import { CATALOG } from "../detect/catalog.js";
import { normalizeLogin } from "../detect/login.js";
import type { DataPath, Locator } from "./locate.js";
import { nearestName } from "./nearest.js";
import type { PolicyError } from "./policy.js";

type Data = Record<string, unknown>;

export interface NameFindings {
  errors: PolicyError[];
  warnings: PolicyError[];
}

const isObject = (value: unknown): value is Data => typeof value === "object" && value !== null && !Array.isArray(value);
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** GitHub logins and organisation names: letters, digits and single hyphens; apps end in `[bot]`. */
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9]))*(?:\[bot\])?$/;
/** Team slugs as GitHub makes them from team names: lower case, no spaces. */
const SLUG = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Every `{teams, users}` block: each rule's `require.from`, `policy_admins`, `override.by`. */
function principalBlocks(data: Data): { block: Data; path: DataPath }[] {
  const blocks: { block: Data; path: DataPath }[] = [];
  listOf(data.rules).forEach((rule, i) => {
    const from = isObject(rule) && isObject(rule.require) ? rule.require.from : undefined;
    if (isObject(from)) blocks.push({ block: from, path: ["rules", i, "require", "from"] });
  });
  if (isObject(data.policy_admins)) blocks.push({ block: data.policy_admins, path: ["policy_admins"] });
  if (isObject(data.override) && isObject(data.override.by)) blocks.push({ block: data.override.by, path: ["override", "by"] });
  return blocks;
}

const slugOf = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^-+|-+$/g, "");

function teamFinding(team: string): { error?: string; warning?: string } {
  const bare = team.trim().replace(/^@/, "");
  const parts = bare.split("/");
  if (parts.length > 2) {
    return {
      error: `team \`${team}\` has more than one \`/\`: teams are \`slug\` or \`org/slug\`, and a nested team goes by its own slug — did you mean \`${parts[0]}/${parts.at(-1)}\`?`,
    };
  }
  if (parts.some((part) => part === "")) return { error: `team \`${team}\` is incomplete: teams are \`slug\` or \`org/slug\`` };
  const [org, slug] = parts.length === 2 ? parts : [undefined, parts[0]!];
  if (org !== undefined && !LOGIN.test(org)) return { error: `team \`${team}\`: \`${org}\` is not an organisation name; teams are \`slug\` or \`org/slug\`` };
  if (!SLUG.test(slug!)) {
    const suggestion = slugOf(slug!);
    return {
      error: `team \`${team}\` is not a team slug: teams are named by their slug (the last part of the team page's URL)${
        suggestion ? ` — did you mean \`${org ? `${org}/` : ""}${suggestion}\`?` : ""
      }`,
    };
  }
  if (team.trim().startsWith("@")) return { warning: `write teams without \`@\`: \`${bare}\`` };
  return {};
}

function userFinding(user: string): { error?: string; warning?: string } {
  const bare = user.trim().replace(/^@/, "");
  if (!LOGIN.test(bare)) {
    return { error: `\`${user}\` is not a GitHub login${bare.includes("/") ? " (teams go under `teams`, as `org/slug`)" : ""}` };
  }
  if (user.trim().startsWith("@")) return { warning: `write logins without \`@\`: \`${bare}\`` };
  return {};
}

export function principalNameFindings(data: Data, locate: Locator): NameFindings {
  const findings: NameFindings = { errors: [], warnings: [] };
  for (const { block, path } of principalBlocks(data)) {
    for (const [key, check] of [["teams", teamFinding], ["users", userFinding]] as const) {
      listOf(block[key]).forEach((name, i) => {
        if (typeof name !== "string") return;
        const { error, warning } = check(name);
        if (error) findings.errors.push(locate.atValue([...path, key, i], error));
        if (warning) findings.warnings.push(locate.atValue([...path, key, i], warning));
      });
    }
  }
  return findings;
}

const AGENT_IDS = CATALOG.map((agent) => agent.id);

/** Other ways people name a catalogued agent (its logins, its names) → its id. */
const AGENT_ALIASES: ReadonlyMap<string, string> = new Map(
  CATALOG.flatMap((agent) => [
    ...agent.identities.flatMap((identity) => (identity.login ? [[normalizeLogin(identity.login), agent.id] as const] : [])),
    ...(agent.canonicalLogin ? [[normalizeLogin(agent.canonicalLogin), agent.id] as const] : []),
    ...agent.names.map((name) => [name.name.toLowerCase().replace(/\s+/g, "-"), agent.id] as const),
  ]),
);

/**
 * `when.agents` names catalogue ids or logins from `detection.bots`. A catalogued agent is
 * detected under its id, so its login or name never matches: that, and a misspelt id, are
 * errors. Anything else is a warning when this file extends the organisation default, whose
 * `detection.bots` may list it.
 */
export function agentNameFindings(data: Data, locate: Locator, extendsOrg: boolean): NameFindings {
  const findings: NameFindings = { errors: [], warnings: [] };
  const detection = isObject(data.detection) ? data.detection : {};
  const bots = new Set(listOf(detection.bots).flatMap((bot) => (typeof bot === "string" ? [normalizeLogin(bot)] : [])));
  const catalogOn = detection.catalog !== false;
  listOf(data.rules).forEach((rule, r) => {
    const when = isObject(rule) && isObject(rule.when) ? rule.when : {};
    listOf(when.agents).forEach((agent, a) => {
      if (typeof agent !== "string") return;
      const name = normalizeLogin(agent);
      if (bots.has(name) || (catalogOn && AGENT_IDS.includes(name))) return;
      const path = ["rules", r, "when", "agents", a];
      const id = AGENT_ALIASES.get(name) ?? nearestName(name, AGENT_IDS);
      if (id !== undefined && catalogOn) {
        const why = AGENT_ALIASES.has(name) ? `is not an agent id (agents are named by catalogue id)` : "is not a catalogue agent id";
        findings.errors.push(locate.atValue(path, `agent \`${agent}\` ${why} — did you mean \`${id}\`?`));
        return;
      }
      const message = `agent \`${agent}\` is neither a catalogue id nor a login in \`detection.bots\`${
        catalogOn ? "" : " (`detection.catalog: false` turns the catalogue off)"
      }, so this rule never applies to it; add it to \`detection.bots\` if it is your own agent`;
      (extendsOrg ? findings.warnings : findings.errors).push(locate.atValue(path, message));
    });
  });
  return findings;
}
