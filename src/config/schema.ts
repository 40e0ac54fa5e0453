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

/** GitHub's repository permissions, weakest first. */
export const PERMISSIONS = ["read", "triage", "write", "maintain", "admin"] as const;

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

/** How sure a detection signal is; `detection.count` picks which ones make a pull request AI-assisted. */
export const CONFIDENCES = ["declared", "identity", "inferred"] as const;
export type Confidence = (typeof CONFIDENCES)[number];
export const UNKNOWN_BOTS = ["ai", "report", "ignore"] as const;
export const REVIEWERS = ["ai", "ignore"] as const;

export const DEFAULT_DETECTION = {
  catalog: true,
  bots: [] as string[],
  trailers: ["Assisted-by", "Generated-by", "AI-Assisted"],
  co_authors: [] as string[],
  labels: ["ai-assisted"],
  branches: [] as string[],
  not_ai: ["dependabot[bot]", "renovate[bot]", "github-actions[bot]", "pre-commit-ci[bot]"],
  count: ["declared", "identity", "inferred"] as Confidence[],
  unknown_bots: "report" as (typeof UNKNOWN_BOTS)[number],
  reviewers: "ai" as (typeof REVIEWERS)[number],
};
export const DEFAULT_LABEL = "ai-assisted";
export const DEFAULT_AUTONOMY = { window_days: 90, scope: "repository", demote_on_revert_days: 14 } as const;

type Extra = Record<string, unknown>;

/** A value from a fixed list, written as JSON Schema `enum` (the validator's messages name the choices). */
const oneOf = <const Values extends readonly unknown[]>(values: Values, extra: Extra = {}) =>
  Type.Unsafe<Values[number]>({ enum: [...values], ...extra });

const text = (description: string, extra: Extra = {}) => Type.String({ minLength: 1, description, ...extra });

const list = <Item extends TSchema>(description: string, item: Item, extra: Extra = {}) =>
  Type.Array(item, { description, ...extra });

/** A list of minimatch globs. `format: glob` is checked by the validator (`globs.ts`); editors ignore it. */
const globs = (description: string, extra: Extra = {}) =>
  list(description, Type.String({ minLength: 1, format: "glob", description: "A minimatch glob." }), extra);

const strings = (description: string, extra: Extra = {}) => list(description, Type.String({ minLength: 1 }), extra);

const count = (description: string, minimum: number, extra: Extra = {}) => Type.Integer({ minimum, description, ...extra });

const flag = (description: string, fallback: boolean) => Type.Boolean({ default: fallback, description });

const mapping = <Properties extends Record<string, TSchema>>(description: string, properties: Properties, extra: Extra = {}) =>
  Type.Object(properties, { description, additionalProperties: false, ...extra });

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

const when = mapping(
  "Conditions that select the pull requests this rule applies to. All present conditions must hold. Default: `{ai: true}`.",
  {
    ai: Type.Optional(
      oneOf([true, false, "any"] as const, {
        default: true,
        description: "`true`: AI-assisted pull requests only; `false`: human-only pull requests only; `any`: both. Default `true`.",
      }),
    ),
    agents: Type.Optional(
      strings("Holds when one of the pull request's agents is listed (catalogue ids such as `copilot`, `claude-code`, or bot logins).", {
        examples: [["copilot", "claude-code"]],
      }),
    ),
    paths: Type.Optional(
      globs("Holds when any changed file (old or new path of a rename) matches one of these globs.", { examples: [["src/**"]] }),
    ),
    base: Type.Optional(globs("Holds when the base branch matches one of these globs.", { examples: [["main", "release/*"]] })),
    labels: Type.Optional(strings("Holds when the pull request has one of these labels.", { examples: [["needs-senior"]] })),
    tier: Type.Optional(
      strings(
        "Holds when the autonomy tier of the pull request's agents (the lowest, if several) is listed: a tier name from `autonomy.tiers`, or `new`.",
        { examples: [["new"]] },
      ),
    ),
    min_changed_lines: Type.Optional(count("Holds when the pull request changes at least this many lines (additions + deletions).", 0)),
  },
);

const rule = mapping("A rule: when its `when` holds, the pull request needs its `require`d approvals.", {
  name: Type.Optional(text("Unique name, shown in the check run. Default: `rule N` (its position).")),
  when: Type.Optional(when),
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

const detection = mapping("How AI involvement is recognised.", {
  catalog: Type.Optional(
    flag("Use the built-in catalogue of known agents (logins, e-mails, trailers, footers, branch prefixes). Default `true`.", true),
  ),
  bots: Type.Optional(strings("Extra logins that are AI agents, e.g. `acme-coder[bot]`.", { default: [] })),
  trailers: Type.Optional(
    strings("Trailer keys that declare AI help when their value names an AI tool, model or agent.", { default: DEFAULT_DETECTION.trailers }),
  ),
  co_authors: Type.Optional(globs("Extra `Co-authored-by` identities: globs on `Name <email>`.", { default: [] })),
  labels: Type.Optional(
    strings("A pull request with one of these labels (applied by a person) declares AI help.", { default: DEFAULT_DETECTION.labels }),
  ),
  branches: Type.Optional(globs("Head-branch globs that mark a pull request as AI-assisted, e.g. `agent/*`.", { default: [] })),
  not_ai: Type.Optional(
    strings("Automation logins that are not AI by identity alone (their commit messages are still scanned).", {
      default: DEFAULT_DETECTION.not_ai,
    }),
  ),
  count: Type.Optional(
    list(
      "Which confidences of signal make a pull request AI-assisted: `declared` (a trailer, footer, label or branch says so), `identity` (a known or recognised agent account or address), `inferred` (a structural guess such as an unknown no-reply co-author). Default: all three.",
      oneOf(CONFIDENCES),
      { default: DEFAULT_DETECTION.count, uniqueItems: true },
    ),
  ),
  unknown_bots: Type.Optional(
    oneOf(UNKNOWN_BOTS, {
      default: DEFAULT_DETECTION.unknown_bots,
      description: "Bots that are neither known agents nor known automation: `ai` counts them as AI, `report` (default) shows them in the check run without counting them, `ignore` drops them.",
    }),
  ),
  reviewers: Type.Optional(
    oneOf(REVIEWERS, {
      default: DEFAULT_DETECTION.reviewers,
      description: "Whether a review by an AI reviewer makes the pull request AI-assisted: `ai` (default) or `ignore` (shown, not counted; commit detection is unaffected).",
    }),
  ),
});

const gates = mapping("Automated quality gates on AI-assisted pull requests.", {
  max_changed_lines: Type.Optional(count("Fail when the pull request changes more lines than this (additions + deletions).", 1)),
  max_changed_files: Type.Optional(count("Fail when the pull request changes more files than this.", 1)),
  forbidden_paths: Type.Optional(
    globs("Fail when a changed file matches one of these globs.", { default: [], examples: [[".github/workflows/**", "**/*.pem"]] }),
  ),
  forbidden_paths_case_sensitive: Type.Optional(
    flag(
      "Match `forbidden_paths` with case as written. Default `false`: `**/*.pem` also forbids `certs/SERVER.PEM`, so case cannot sidestep the gate.",
      false,
    ),
  ),
  tests: Type.Optional(
    mapping("Fail when a file matching `when_changed` changed but no file matching `require_changed` did.", {
      when_changed: globs("Source globs that call for tests.", { examples: [["src/**"]] }),
      require_changed: globs("Test globs, one of which must change too.", { examples: [["test/**", "**/*.test.*"]] }),
    }),
  ),
  required_checks: Type.Optional(
    strings("Other check runs or commit statuses that must succeed on the head commit.", { default: [], examples: [["build", "test"]] }),
  ),
  forbid_agent_signoff: Type.Optional(flag("Fail when an agent appears in a `Signed-off-by` trailer. Default `false`.", false)),
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
    detection: Type.Optional(detection),
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
    gates: Type.Optional(gates),
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
export type DetectionFile = Static<typeof detection>;
export type GatesFile = Static<typeof gates>;
export type AutonomyFile = Static<typeof autonomy>;
