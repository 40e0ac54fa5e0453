/**
 * A schema-valid policy file (possibly merged with the organisation default) → the `Policy`
 * the engine consumes, with every default of the schema filled in, so that the engine never
 * has to know what "omitted" means.
 */
import type { Autonomy, Detection, Gates, Policy, Principals, Rule, RuleCondition } from "./policy.js";
import {
  DEFAULT_AUTONOMY,
  DEFAULT_DETECTION,
  DEFAULT_LABEL,
  DEFAULT_RULE_NAME,
  GATES_SCHEMA,
  type PolicyFile,
  type PrincipalsFile,
  type RuleFile,
} from "./schema.js";
import { ruleName } from "./semantics.js";

/**
 * What `rules` means when no file in play sets it: the built-in rule. A file
 * written only to add gates or change the label should not silently drop the review that
 * the app exists for; `rules: []` turns approvals off explicitly.
 */
const DEFAULT_RULES: RuleFile[] = [{ name: DEFAULT_RULE_NAME, when: { ai: true }, require: { approvals: 1 } }];

function principals(file: PrincipalsFile): Principals {
  return {
    teams: [...(file.teams ?? [])],
    users: [...(file.users ?? [])],
    ...(file.permission === undefined ? {} : { permission: file.permission }),
  };
}

/** `{}` says nobody in particular, which is what null (the default principals) already means. */
function principalsOrNull(file: PrincipalsFile | undefined): Principals | null {
  if (file === undefined || (file.teams === undefined && file.users === undefined && file.permission === undefined)) {
    return null;
  }
  return principals(file);
}

/** `ai` defaults to true; every other condition is kept as written (lists copied), so a new one needs nothing here. */
function condition(when: RuleFile["when"] = {}): RuleCondition {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(when)) {
    if (value !== undefined) result[key] = Array.isArray(value) ? [...value] : value;
  }
  return { ...result, ai: when.ai ?? true } as RuleCondition;
}

function rule(file: RuleFile, index: number): Rule {
  return {
    name: ruleName(file, index),
    when: condition(file.when),
    require: {
      approvals: file.require?.approvals ?? 1,
      from: principalsOrNull(file.require?.from),
    },
    request_review: file.request_review ?? true,
  };
}

function detection(file: PolicyFile["detection"] = {}): Detection {
  return {
    catalog: file.catalog ?? DEFAULT_DETECTION.catalog,
    bots: [...(file.bots ?? DEFAULT_DETECTION.bots)],
    trailers: [...(file.trailers ?? DEFAULT_DETECTION.trailers)],
    co_authors: [...(file.co_authors ?? DEFAULT_DETECTION.co_authors)],
    labels: [...(file.labels ?? DEFAULT_DETECTION.labels)],
    branches: [...(file.branches ?? DEFAULT_DETECTION.branches)],
    not_ai: [...(file.not_ai ?? DEFAULT_DETECTION.not_ai)],
    count: [...(file.count ?? DEFAULT_DETECTION.count)],
    unknown_bots: file.unknown_bots ?? DEFAULT_DETECTION.unknown_bots,
    reviewers: file.reviewers ?? DEFAULT_DETECTION.reviewers,
  };
}

/** Each gate as written (copied), or its schema default when it has one; a new gate needs nothing here. */
function gates(file: PolicyFile["gates"] = {}): Gates {
  const result: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(GATES_SCHEMA.properties)) {
    const value = file[key as keyof typeof file] ?? (schema as { default?: unknown }).default;
    if (value !== undefined) result[key] = structuredClone(value);
  }
  return result as Gates;
}

function autonomy(file: PolicyFile["autonomy"]): Autonomy | null {
  if (file === undefined) return null;
  return {
    window_days: file.window_days ?? DEFAULT_AUTONOMY.window_days,
    scope: file.scope ?? DEFAULT_AUTONOMY.scope,
    tiers: (file.tiers ?? []).map((t) => ({ name: t.name, min_merged: t.min_merged, max_revert_rate: t.max_revert_rate })),
    demote_on_revert_days: file.demote_on_revert_days ?? DEFAULT_AUTONOMY.demote_on_revert_days,
  };
}

export function normalisePolicy(file: PolicyFile): Policy {
  return {
    version: 1,
    detection: detection(file.detection),
    label: file.label ?? DEFAULT_LABEL,
    rules: (file.rules ?? DEFAULT_RULES).map(rule),
    gates: gates(file.gates),
    autonomy: autonomy(file.autonomy),
    policy_admins: principalsOrNull(file.policy_admins),
    override: file.override === undefined ? null : { label: file.override.label, by: principals(file.override.by) },
  };
}
