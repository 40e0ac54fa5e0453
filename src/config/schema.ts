/**
 * The one definition of `.agent-governance.yml` version 1 (SPEC §2.2). The validator compiles
 * it with ajv; `scripts/generate-schema.ts` writes it to `schema/agent-governance.schema.json`
 * for editors. Descriptions are what editors show on hover, so they say what a user needs.
 *
 * JSON Schema cannot say everything (unique rule names, tier references, which file may hold
 * `extends`/`enforce`): those checks live in `semantics.ts`. Glob syntax is the custom format
 * `glob` (`globs.ts`), which any ajv can register.
 */
import { PERMISSIONS } from "./policy.js";

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

export const DEFAULT_DETECTION = {
  catalog: true,
  bots: [] as string[],
  trailers: ["Assisted-by", "Generated-by", "AI-Assisted"],
  co_authors: [] as string[],
  labels: ["ai-assisted"],
  branches: [] as string[],
  not_ai: ["dependabot[bot]", "renovate[bot]", "github-actions[bot]", "pre-commit-ci[bot]"],
};
export const DEFAULT_LABEL = "ai-assisted";
export const DEFAULT_AUTONOMY = { window_days: 90, scope: "repository", demote_on_revert_days: 14 } as const;

type JsonSchema = { [key: string]: unknown };

const text = (description: string): JsonSchema => ({ type: "string", minLength: 1, description });

const list = (description: string, item: JsonSchema, extra: JsonSchema = {}): JsonSchema => ({
  type: "array",
  items: item,
  description,
  ...extra,
});

/** A list of minimatch globs. `format: glob` is checked by the validator (`globs.ts`); editors ignore it. */
const globs = (description: string, extra: JsonSchema = {}): JsonSchema =>
  list(description, { type: "string", minLength: 1, format: "glob", description: "A minimatch glob." }, extra);

const strings = (description: string, extra: JsonSchema = {}): JsonSchema =>
  list(description, { type: "string", minLength: 1 }, extra);

const count = (description: string, minimum: number, extra: JsonSchema = {}): JsonSchema => ({
  type: "integer",
  minimum,
  description,
  ...extra,
});

const mapping = (description: string, properties: Record<string, JsonSchema>, extra: JsonSchema = {}): JsonSchema => ({
  type: "object",
  description,
  properties,
  additionalProperties: false,
  ...extra,
});

const principals = (description: string): JsonSchema =>
  mapping(description, {
    teams: strings("Team slugs: `slug` (in the pull request's organisation) or `org/slug`. Any active member qualifies.", {
      examples: [["senior-engineers"]],
    }),
    users: strings("GitHub logins that qualify.", { examples: [["alice"]] }),
    permission: {
      enum: [...PERMISSIONS],
      description: "Minimum repository permission that qualifies: read < triage < write < maintain < admin.",
    },
  });

const when = mapping(
  "Conditions that select the pull requests this rule applies to. All present conditions must hold. Default: `{ai: true}`.",
  {
    ai: {
      enum: [true, false, "any"],
      default: true,
      description: "`true`: AI-assisted pull requests only; `false`: human-only pull requests only; `any`: both. Default `true`.",
    },
    agents: strings("Holds when one of the pull request's agents is listed (catalogue ids such as `copilot`, `claude-code`, or bot logins).", {
      examples: [["copilot", "claude-code"]],
    }),
    paths: globs("Holds when any changed file (old or new path of a rename) matches one of these globs.", {
      examples: [["src/**"]],
    }),
    base: globs("Holds when the base branch matches one of these globs.", { examples: [["main", "release/*"]] }),
    labels: strings("Holds when the pull request has one of these labels.", { examples: [["needs-senior"]] }),
    tier: strings("Holds when the autonomy tier of the pull request's agents (the lowest, if several) is listed: a tier name from `autonomy.tiers`, or `new`.", {
      examples: [["new"]],
    }),
    min_changed_lines: count("Holds when the pull request changes at least this many lines (additions + deletions).", 0),
  },
);

const rule = mapping(
  "A rule: when its `when` holds, the pull request needs its `require`d approvals.",
  {
    name: text("Unique name, shown in the check run. Default: `rule N` (its position)."),
    when,
    require: mapping(
      "What the rule needs. Default: 1 approval from any user with `write` permission or more.",
      {
        approvals: count(
          "Distinct qualifying approvals needed on the current head commit. Default 1; 0 = the rule only reports.",
          0,
          { default: 1 },
        ),
        from: principals(
          "Who may approve (any of): members of `teams`, `users`, or anyone with `permission`. Omitted: any user with `write` permission or more.",
        ),
      },
    ),
    request_review: {
      type: "boolean",
      default: true,
      description: "Request a review from the rule's teams and users while it is waiting. Default `true`.",
    },
  },
);

const tier = mapping(
  "A tier of trust an agent earns by its record. Tiers are listed in ascending order of trust.",
  {
    name: {
      ...text("Tier name, used in `when.tier`. Unique; `new` is reserved for agents below every tier."),
      not: { const: "new" },
    },
    min_merged: count("Merged AI-assisted pull requests the agent needs within `window_days`.", 0),
    max_revert_rate: {
      type: "number",
      minimum: 0,
      maximum: 1,
      description: "Highest share of those merges that may have been reverted, from 0 to 1 (0.05 = 5%).",
    },
  },
  // A tier is defined by all three: a missing threshold would silently grant trust.
  { required: ["name", "min_merged", "max_revert_rate"] },
);

export const POLICY_SCHEMA: JsonSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "agent-governance policy (.agent-governance.yml)",
  description:
    "Policy for AI-assisted pull requests: how they are recognised, who must approve them, which automated gates they must pass, and how agents earn autonomy.",
  type: "object",
  additionalProperties: false,
  required: ["version"],
  properties: {
    version: { const: 1, description: "Schema version. Required; must be `1`." },
    extends: {
      const: "org",
      description:
        "Repository file only: start from the organisation default (`.agent-governance.yml` in the organisation's `.github` repository) and override it key by key (lists replace, mappings merge).",
    },
    enforce: list(
      "Organisation default only: top-level keys that repositories may not override.",
      { enum: [...ENFORCEABLE_KEYS] },
      { examples: [["rules", "gates"]] },
    ),
    detection: mapping("How AI involvement is recognised.", {
      catalog: {
        type: "boolean",
        default: true,
        description: "Use the built-in catalogue of known agents (logins, e-mails, trailers, footers, branch prefixes). Default `true`.",
      },
      bots: strings("Extra logins that are AI agents, e.g. `acme-coder[bot]`.", { default: [] }),
      trailers: strings("Trailer keys that declare AI help when their value names an AI tool, model or agent.", {
        default: DEFAULT_DETECTION.trailers,
      }),
      co_authors: globs("Extra `Co-authored-by` identities: globs on `Name <email>`.", { default: [] }),
      labels: strings("A pull request with one of these labels (applied by a person) declares AI help.", {
        default: DEFAULT_DETECTION.labels,
      }),
      branches: globs("Head-branch globs that mark a pull request as AI-assisted, e.g. `agent/*`.", { default: [] }),
      not_ai: strings("Automation logins that are not AI by identity alone (their commit messages are still scanned).", {
        default: DEFAULT_DETECTION.not_ai,
      }),
    }),
    label: {
      anyOf: [{ type: "string", minLength: 1 }, { const: false }],
      default: DEFAULT_LABEL,
      description: "Label the app puts on AI-assisted pull requests; `false` = none. Default `ai-assisted`.",
    },
    rules: list(
      "Every rule whose `when` holds must be satisfied. Omitted: the built-in rule (AI-assisted pull requests need 1 approval from a user with `write` permission or more). `[]`: no approvals needed.",
      rule,
    ),
    gates: mapping("Automated quality gates on AI-assisted pull requests.", {
      max_changed_lines: count("Fail when the pull request changes more lines than this (additions + deletions).", 1),
      max_changed_files: count("Fail when the pull request changes more files than this.", 1),
      forbidden_paths: globs("Fail when a changed file matches one of these globs.", {
        default: [],
        examples: [[".github/workflows/**", "**/*.pem"]],
      }),
      tests: mapping(
        "Fail when a file matching `when_changed` changed but no file matching `require_changed` did.",
        {
          when_changed: globs("Source globs that call for tests.", { examples: [["src/**"]] }),
          require_changed: globs("Test globs, one of which must change too.", { examples: [["test/**", "**/*.test.*"]] }),
        },
        { required: ["when_changed", "require_changed"] },
      ),
      required_checks: strings("Other check runs or commit statuses that must succeed on the head commit.", {
        default: [],
        examples: [["build", "test"]],
      }),
      forbid_agent_signoff: {
        type: "boolean",
        default: false,
        description: "Fail when an agent appears in a `Signed-off-by` trailer. Default `false`.",
      },
    }),
    autonomy: mapping("Graduated autonomy: agents with a good record reach higher tiers. Omitted: every agent is `new`.", {
      window_days: count("Days of history that count towards an agent's record. Default 90.", 1, {
        default: DEFAULT_AUTONOMY.window_days,
      }),
      scope: {
        enum: ["repository", "organization"],
        default: DEFAULT_AUTONOMY.scope,
        description: "Whose record counts: this repository's, or the whole organisation's. Default `repository`.",
      },
      tiers: list("Tiers in ascending order of trust; an agent is in the highest tier it qualifies for, else `new`.", tier, {
        default: [],
      }),
      demote_on_revert_days: count("After a revert of its work, the agent is `new` for this many days. Default 14.", 0, {
        default: DEFAULT_AUTONOMY.demote_on_revert_days,
      }),
    }),
    policy_admins: principals(
      "Who must approve a pull request that changes a governance file. Omitted: users with `admin` permission.",
    ),
    override: mapping(
      "Break glass: this label, applied by a member of `by`, passes the check and is recorded in the audit trail.",
      {
        label: text("The override label."),
        by: principals("Who may apply the override label."),
      },
      { required: ["label", "by"] },
    ),
  },
  // Expressed here for editors; the validator reports it as a misplaced key (semantics.ts).
  dependencies: { extends: { properties: { enforce: false } } },
};

/** The schema as committed in `schema/agent-governance.schema.json`. */
export function renderSchemaJson(): string {
  return `${JSON.stringify(POLICY_SCHEMA, null, 2)}\n`;
}

/** The file's shape once the schema accepted it (before defaults). */
export interface PrincipalsFile {
  teams?: string[];
  users?: string[];
  permission?: (typeof PERMISSIONS)[number];
}

export interface RuleFile {
  name?: string;
  when?: {
    ai?: boolean | "any";
    agents?: string[];
    paths?: string[];
    base?: string[];
    labels?: string[];
    tier?: string[];
    min_changed_lines?: number;
  };
  require?: { approvals?: number; from?: PrincipalsFile };
  request_review?: boolean;
}

export interface TierFile {
  name: string;
  min_merged: number;
  max_revert_rate: number;
}

export interface PolicyFile {
  version: 1;
  extends?: "org";
  enforce?: EnforceableKey[];
  detection?: Partial<typeof DEFAULT_DETECTION>;
  label?: string | false;
  rules?: RuleFile[];
  gates?: {
    max_changed_lines?: number;
    max_changed_files?: number;
    forbidden_paths?: string[];
    tests?: { when_changed: string[]; require_changed: string[] };
    required_checks?: string[];
    forbid_agent_signoff?: boolean;
  };
  autonomy?: {
    window_days?: number;
    scope?: "repository" | "organization";
    tiers?: TierFile[];
    demote_on_revert_days?: number;
  };
  policy_admins?: PrincipalsFile;
  override?: { label: string; by: PrincipalsFile };
}
