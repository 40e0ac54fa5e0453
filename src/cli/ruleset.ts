/**
 * The ruleset that makes the `agent-governance` check required with this app as its expected
 * source: without `integration_id`, any app or workflow could post a
 * passing check of the same name. Pure: the existing ruleset in, the one to write out.
 *
 * An existing `agent-governance` ruleset keeps everything else it holds (other rules, other
 * required checks, bypass actors, other branches); only our check entry, our branch and the
 * enforcement (`active`: a ruleset in `evaluate` or `disabled` mode blocks nothing) change.
 */
import { CHECK_NAME } from "../github/check-name.js";
import { diffLines, renderDiff } from "./line-diff.js";

export const RULESET_NAME = "agent-governance";
export const DEFAULT_BRANCH = "~DEFAULT_BRANCH";

export interface RulesetRule {
  type: string;
  parameters?: Record<string, unknown>;
}

export interface StatusCheck {
  context: string;
  integration_id?: number;
}

/** The body GitHub takes for POST and PUT …/rulesets (and the part of GET worth comparing). */
export interface RulesetBody {
  name: string;
  target: string;
  enforcement: string;
  conditions: Record<string, unknown>;
  rules: RulesetRule[];
  /** Absent when the reader may not see them: a PUT without them leaves them as they are. */
  bypass_actors?: unknown[];
}

export interface ExistingRuleset extends RulesetBody {
  id: number;
}

export interface RulesetWish {
  scope: "repository" | "organization";
  appId: number;
  /** `~DEFAULT_BRANCH`, `~ALL`, or a branch name (`main` becomes `refs/heads/main`). */
  branch: string;
}

export interface RulesetPlan {
  action: "create" | "update" | "none";
  id?: number;
  before: RulesetBody | null;
  after: RulesetBody;
  /** What happens to our required-check entry, in words. */
  check: string;
}

export function refPattern(branch: string): string {
  if (branch.startsWith("~") || branch.startsWith("refs/")) return branch;
  return `refs/heads/${branch}`;
}

function ourCheck(appId: number): StatusCheck {
  return { context: CHECK_NAME, integration_id: appId };
}

function requiredChecksRule(appId: number): RulesetRule {
  return {
    type: "required_status_checks",
    parameters: { strict_required_status_checks_policy: false, required_status_checks: [ourCheck(appId)] },
  };
}

function freshRuleset(wish: RulesetWish): RulesetBody {
  const refName = { include: [refPattern(wish.branch)], exclude: [] as string[] };
  return {
    name: RULESET_NAME,
    target: "branch",
    enforcement: "active",
    // An organisation ruleset must also say which repositories: all of them.
    conditions: wish.scope === "organization" ? { ref_name: refName, repository_name: { include: ["~ALL"], exclude: [] } } : { ref_name: refName },
    rules: [requiredChecksRule(wish.appId)],
    bypass_actors: [],
  };
}

/** The comparable body of a ruleset GitHub returned (dropping ids, links, timestamps). */
export function rulesetBody(ruleset: ExistingRuleset): RulesetBody {
  return {
    name: ruleset.name,
    target: ruleset.target ?? "branch",
    enforcement: ruleset.enforcement,
    conditions: ruleset.conditions ?? {},
    rules: ruleset.rules ?? [],
    ...(ruleset.bypass_actors !== undefined ? { bypass_actors: ruleset.bypass_actors } : {}),
  };
}

function withOurCheck(rules: readonly RulesetRule[], appId: number): { rules: RulesetRule[]; check: string } {
  const index = rules.findIndex((rule) => rule.type === "required_status_checks");
  if (index < 0) return { rules: [...rules, requiredChecksRule(appId)], check: `added as a new required_status_checks rule (app ${appId})` };
  const rule = rules[index];
  const checks = ((rule.parameters?.required_status_checks as StatusCheck[] | undefined) ?? []).slice();
  const at = checks.findIndex((check) => check.context === CHECK_NAME);
  let check: string;
  if (at < 0) {
    checks.push(ourCheck(appId));
    check = `added to the existing required checks (app ${appId})`;
  } else if (checks[at].integration_id !== appId) {
    const was = checks[at].integration_id === undefined ? "any source" : `app ${checks[at].integration_id}`;
    checks[at] = ourCheck(appId);
    check = `expected source changed from ${was} to app ${appId}`;
  } else {
    check = `already required from app ${appId}`;
  }
  // GitHub requires the strict flag; an existing rule's own value stays.
  const parameters = { strict_required_status_checks_policy: false, ...rule.parameters, required_status_checks: checks };
  return { rules: rules.map((existing, i) => (i === index ? { ...existing, parameters } : existing)), check };
}

function withOurBranch(conditions: Record<string, unknown>, wish: RulesetWish): Record<string, unknown> {
  const refName = (conditions.ref_name as { include?: string[]; exclude?: string[] } | undefined) ?? {};
  const include = refName.include ?? [];
  const pattern = refPattern(wish.branch);
  const covered = include.includes(pattern) || include.includes("~ALL");
  const next: Record<string, unknown> = {
    ...conditions,
    ref_name: { include: covered ? include : [...include, pattern], exclude: refName.exclude ?? [] },
  };
  const targetsRepositories = ["repository_name", "repository_id", "repository_property"].some((key) => key in conditions);
  if (wish.scope === "organization" && !targetsRepositories) next.repository_name = { include: ["~ALL"], exclude: [] };
  return next;
}

export function planRuleset(existing: ExistingRuleset | null, wish: RulesetWish): RulesetPlan {
  if (!existing) return { action: "create", before: null, after: freshRuleset(wish), check: `required from app ${wish.appId}` };
  const before = rulesetBody(existing);
  const { rules, check } = withOurCheck(before.rules, wish.appId);
  const after: RulesetBody = { ...before, enforcement: "active", conditions: withOurBranch(before.conditions, wish), rules };
  const action = canonicalJson(after) === canonicalJson(before) ? "none" : "update";
  return { action, id: existing.id, before, after, check };
}

/** What will change, for a person to confirm: the action, our check entry, then the diff. */
export function renderPlan(plan: RulesetPlan, where: string, scope: RulesetWish["scope"]): string {
  const kind = scope === "organization" ? "organisation ruleset" : "repository ruleset";
  const head =
    plan.action === "create"
      ? `Plan for ${where}: create ${kind} "${RULESET_NAME}"`
      : plan.action === "update"
        ? `Plan for ${where}: update ${kind} "${RULESET_NAME}" (id ${plan.id})`
        : `${where}: ${kind} "${RULESET_NAME}" (id ${plan.id}) already makes the check required — nothing to change`;
  const lines = [head, `  required status check "${CHECK_NAME}": ${plan.check}`];
  if (plan.action === "none") return `${lines.join("\n")}\n`;
  const json = (body: RulesetBody | null) => (body ? canonicalJson(body).split("\n") : []);
  lines.push("", renderDiff(diffLines(json(plan.before), json(plan.after))));
  return `${lines.join("\n")}\n`;
}

/** JSON with object keys sorted, so key order never shows as a change. */
function canonicalJson(value: unknown): string {
  const sorted = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sorted);
    if (v && typeof v === "object") {
      return Object.fromEntries(Object.keys(v).sort().map((key) => [key, sorted((v as Record<string, unknown>)[key])]));
    }
    return v;
  };
  return JSON.stringify(sorted(value), null, 2);
}
