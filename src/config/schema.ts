/**
 * The one definition of `.agent-governance.yml` version 1, written with TypeBox: the JSON
 * Schema the validator compiles with ajv, the schema `scripts/generate-schema.ts` writes to
 * `schema/agent-governance.schema.json` for editors, and the TypeScript types of the file
 * (`PolicyFile`, and through `policy.ts` the normalised `Policy`) all come from it.
 * Descriptions are what editors show on hover, so they say what a user needs.
 *
 * JSON Schema cannot say everything (unique rule names, tier references, which file may hold
 * `extends`/`enforce`): those checks live in `semantics.ts`. Glob syntax is the custom format
 * `glob` (`globs.ts`), which any ajv can register.
 */
import { type Static, type TSchema, Type } from "@sinclair/typebox";
import { GATES_SCHEMA } from "../policy/gates/table.js";
import { WHEN_SCHEMA } from "../policy/predicates/table.js";
import { DETECTION_SCHEMA } from "./detection.js";
import { count, flag, list, mapping, oneOf, PERMISSIONS, strings, text } from "./schema-parts.js";

export { CONFIDENCES, type Confidence, DEFAULT_DETECTION, REVIEWERS, UNKNOWN_BOTS } from "./detection.js";
export { PERMISSIONS } from "./schema-parts.js";
export { GATES_SCHEMA };

/** Top-level keys an organisation default may lock with `enforce`. */
export const ENFORCEABLE_KEYS = [
  "detection",
  "label",
  "rules",
  "gates",
  "autonomy",
  "policy_admins",
  "override",
] as const;
export type EnforceableKey = (typeof ENFORCEABLE_KEYS)[number];

/** The built-in rule: what a repository gets when neither it nor its organisation says otherwise. */
export const DEFAULT_RULE_NAME = "AI-assisted change needs review";

export const DEFAULT_LABEL = "ai-assisted";
export const DEFAULT_AUTONOMY = { window_days: 90, scope: "repository", demote_on_revert_days: 14 } as const;

const principals = (description: string) =>
  mapping(description, {
    teams: Type.Optional(
      strings("Team slugs: `slug` (in the pull request's organisation) or `org/slug`. Any active member qualifies.", {
        examples: [["senior-engineers"]],
      }),
    ),
    users: Type.Optional(strings("GitHub logins that qualify.", { examples: [["alice"]] })),
    permission: Type.Optional(
      oneOf(PERMISSIONS, { description: "Minimum repository permission that qualifies: read < triage < write < maintain < admin." }),
    ),
  });

const rule = mapping("A rule: when its `when` holds, the pull request needs its `require`d approvals.", {
  name: Type.Optional(text("Unique name, shown in the check run. Default: `rule N` (its position).")),
  when: Type.Optional(WHEN_SCHEMA),
  require: Type.Optional(
    mapping("What the rule needs. Default: 1 approval from any user with `write` permission or more.", {
      approvals: Type.Optional(
        count("Distinct qualifying approvals needed on the current head commit. Default 1; 0 = the rule only reports.", 0, {
          default: 1,
        }),
      ),
      from: Type.Optional(
        principals(
          "Who may approve (any of): members of `teams`, `users`, or anyone with `permission`. Omitted: any user with `write` permission or more.",
        ),
      ),
    }),
  ),
  request_review: Type.Optional(flag("Request a review from the rule's teams and users while it is waiting. Default `true`.", true)),
});

// A tier is defined by all three: a missing threshold would silently grant trust.
const tier = mapping("A tier of trust an agent earns by its record. Tiers are listed in ascending order of trust.", {
  name: text("Tier name, used in `when.tier`. Unique; `new` is reserved for agents below every tier.", { not: { const: "new" } }),
  min_merged: count("Merged AI-assisted pull requests the agent needs within `window_days`.", 0),
  max_revert_rate: Type.Number({
    minimum: 0,
    maximum: 1,
    description: "Highest share of those merges that may have been reverted, from 0 to 1 (0.05 = 5%).",
  }),
});

const autonomy = mapping("Graduated autonomy: agents with a good record reach higher tiers. Omitted: every agent is `new`.", {
  window_days: Type.Optional(
    count("Days of history that count towards an agent's record. Default 90.", 1, { default: DEFAULT_AUTONOMY.window_days }),
  ),
  scope: Type.Optional(
    oneOf(["repository", "organization"] as const, {
      default: DEFAULT_AUTONOMY.scope,
      description: "Whose record counts: this repository's, or the whole organisation's. Default `repository`.",
    }),
  ),
  tiers: Type.Optional(
    list("Tiers in ascending order of trust; an agent is in the highest tier it qualifies for, else `new`.", tier, { default: [] }),
  ),
  demote_on_revert_days: Type.Optional(
    count("After a revert of its work, the agent is `new` for this many days. Default 14.", 0, {
      default: DEFAULT_AUTONOMY.demote_on_revert_days,
    }),
  ),
});

/** Where editors fetch the schema from (README's `yaml-language-server` line uses it). */
export const POLICY_SCHEMA_URL = "https://raw.githubusercontent.com/agent-governance/agent-governance/main/schema/agent-governance.schema.json";

const policyFile = Type.Object(
  {
    version: Type.Unsafe<1>({ const: 1, description: "Schema version. Required; must be `1`." }),
    extends: Type.Optional(
      Type.Unsafe<"org">({
        const: "org",
        description:
          "Repository file only: start from the organisation default (`.agent-governance.yml` in the organisation's `.github` repository) and override it key by key (lists replace, mappings merge).",
      }),
    ),
    enforce: Type.Optional(
      list("Organisation default only: top-level keys that repositories may not override.", oneOf(ENFORCEABLE_KEYS), {
        examples: [["rules", "gates"]],
      }),
    ),
    detection: Type.Optional(DETECTION_SCHEMA),
    label: Type.Optional(
      Type.Unsafe<string | false>({
        anyOf: [{ type: "string", minLength: 1 }, { const: false }],
        default: DEFAULT_LABEL,
        description: "Label the app puts on AI-assisted pull requests; `false` = none. Default `ai-assisted`.",
      }),
    ),
    rules: Type.Optional(
      list(
        "Every rule whose `when` holds must be satisfied. Omitted: the built-in rule (AI-assisted pull requests need 1 approval from a user with `write` permission or more). `[]`: no approvals needed.",
        rule,
      ),
    ),
    gates: Type.Optional(GATES_SCHEMA),
    autonomy: Type.Optional(autonomy),
    policy_admins: Type.Optional(
      principals("Who must approve a pull request that changes a governance file. Omitted: users with `admin` permission."),
    ),
    override: Type.Optional(
      mapping("Break glass: this label, applied by a member of `by`, passes the check and is recorded in the audit trail.", {
        label: text("The override label."),
        by: principals("Who may apply the override label."),
      }),
    ),
  },
  {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: POLICY_SCHEMA_URL,
    title: "agent-governance policy (.agent-governance.yml)",
    description:
      "Policy for AI-assisted pull requests: how they are recognised, who must approve them, which automated gates they must pass, and how agents earn autonomy.",
    additionalProperties: false,
    // Expressed here for editors; the validator reports it as a misplaced key (semantics.ts).
    dependencies: { extends: { properties: { enforce: false } } },
  },
);

export const POLICY_SCHEMA: TSchema = policyFile;

/** The schema as committed in `schema/agent-governance.schema.json`. */
export function renderSchemaJson(): string {
  return `${JSON.stringify(POLICY_SCHEMA, null, 2)}\n`;
}

/** The file's shape once the schema accepted it (before defaults). */
export type PolicyFile = Static<typeof policyFile>;
export type PrincipalsFile = Static<ReturnType<typeof principals>>;
export type RuleFile = Static<typeof rule>;
export type TierFile = Static<typeof tier>;
export type DetectionFile = Static<typeof DETECTION_SCHEMA>;
export type GatesFile = Static<typeof GATES_SCHEMA>;
export type AutonomyFile = Static<typeof autonomy>;
