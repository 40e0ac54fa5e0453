/**
 * The policy's `detection` section: its schema, its type and its defaults, in one place for
 * the policy file's schema (`schema.ts`), the normaliser and the detector, which also runs
 * without a policy (the `detect` command, a history scan).
 */
import { type Static, Type } from "@sinclair/typebox";
import { deepFreeze } from "./freeze.js";
import { flag, globs, list, mapping, oneOf, strings } from "./schema-parts.js";

/** How sure a detection signal is; `detection.count` picks which ones make a pull request AI-assisted. */
export const CONFIDENCES = ["declared", "identity", "inferred"] as const;
export type Confidence = (typeof CONFIDENCES)[number];
export const UNKNOWN_BOTS = ["ai", "report", "ignore"] as const;
export const REVIEWERS = ["ai", "ignore"] as const;

/** Frozen when exported below; the schema names the same lists as its defaults. */
const defaults = {
  catalog: true,
  bots: [] as string[],
  trailers: ["Assisted-by", "Generated-by", "AI-Assisted"],
  co_authors: [] as string[],
  labels: ["ai-assisted"],
  branches: [] as string[],
  not_ai: ["dependabot[bot]", "renovate[bot]", "github-actions[bot]", "pre-commit-ci[bot]"],
  count: [...CONFIDENCES] as Confidence[],
  unknown_bots: "report" as (typeof UNKNOWN_BOTS)[number],
  reviewers: "ai" as (typeof REVIEWERS)[number],
};

export const DETECTION_SCHEMA = mapping("How AI involvement is recognised.", {
  catalog: Type.Optional(
    flag("Use the built-in catalogue of known agents (logins, e-mails, trailers, footers, branch prefixes). Default `true`.", true),
  ),
  bots: Type.Optional(strings("Extra logins that are AI agents, e.g. `acme-coder[bot]`.", { default: [] })),
  trailers: Type.Optional(
    strings("Trailer keys that declare AI help when their value names an AI tool, model or agent.", { default: defaults.trailers }),
  ),
  co_authors: Type.Optional(globs("Extra `Co-authored-by` identities: globs on `Name <email>`.", { default: [] })),
  labels: Type.Optional(
    strings("A pull request with one of these labels (applied by a person) declares AI help.", { default: defaults.labels }),
  ),
  branches: Type.Optional(globs("Head-branch globs that mark a pull request as AI-assisted, e.g. `agent/*`.", { default: [] })),
  not_ai: Type.Optional(
    strings("Automation logins that are not AI by identity alone (their commit messages are still scanned).", {
      default: defaults.not_ai,
    }),
  ),
  count: Type.Optional(
    list(
      "Which confidences of signal make a pull request AI-assisted: `declared` (a trailer, footer, label or branch says so), `identity` (a known or recognised agent account or address), `inferred` (a structural guess such as an unknown no-reply co-author). Default: all three.",
      oneOf(CONFIDENCES),
      { default: defaults.count, uniqueItems: true },
    ),
  ),
  unknown_bots: Type.Optional(
    oneOf(UNKNOWN_BOTS, {
      default: defaults.unknown_bots,
      description: "Bots that are neither known agents nor known automation: `ai` counts them as AI, `report` (default) shows them in the check run without counting them, `ignore` drops them.",
    }),
  ),
  reviewers: Type.Optional(
    oneOf(REVIEWERS, {
      default: defaults.reviewers,
      description: "Whether a review by an AI reviewer makes the pull request AI-assisted: `ai` (default) or `ignore` (shown, not counted; commit detection is unaffected).",
    }),
  ),
});

/** The normalised `detection` section: every key set. */
export type Detection = Required<Static<typeof DETECTION_SCHEMA>>;

/**
 * The schema defaults of `detection`, for the normaliser and for callers without a policy.
 * Frozen: compiled configurations are cached by identity, so a policy must not change after use.
 */
export const DEFAULT_DETECTION: Detection = deepFreeze(defaults);
