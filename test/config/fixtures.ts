/** Test inputs for the policy loader: blobs as the adapter would hand them over. */
import type { PolicyBlob, PolicyError } from "../../src/config/policy.js";

export function policyBlob(text: string | null, path = ".agent-governance.yml", oid = "0".repeat(40)): PolicyBlob {
  return { path, text, byteSize: text === null ? 0 : Buffer.byteLength(text, "utf8"), oid };
}

/** Errors as the CLI prints them, minus the file: "LINE:COL message". */
export function rendered(errors: PolicyError[]): string[] {
  return errors.map((e) => `${e.line}:${e.column} ${e.message}`);
}

/** The full example of the policy file, verbatim: it uses every key of the schema. */
export const FULL_EXAMPLE = `
version: 1                     # required in a file; unknown versions are an error
extends: org                   # repository file only: start from the organisation default (2.1)
enforce: [rules, gates]        # organisation file only: keys repositories may not override

detection:                     # how AI involvement is recognised (section 3)
  catalog: true                # use the built-in catalogue of known agents (default true)
  bots: []                     # extra logins that are AI agents, e.g. "acme-coder[bot]"
  trailers: [Assisted-by, Generated-by, AI-Assisted]   # trailer keys that declare AI help when their value names an AI
  co_authors: []               # extra Co-authored-by identities (globs on "Name <email>")
  labels: [ai-assisted]        # a PR with one of these labels declares AI help
  branches: []                 # head-branch globs, e.g. "agent/*"
  not_ai: [dependabot[bot], renovate[bot], github-actions[bot], pre-commit-ci[bot]]

label: ai-assisted             # label the app puts on AI-assisted PRs; false = none

rules:                         # every rule whose \`when\` holds must be satisfied
  - name: senior approval      # unique, shown in the check run
    when:                      # all present conditions must hold; default {ai: true}
      ai: true                 # true (AI-assisted PRs) | false | any
      agents: [copilot, claude-code]  # catalogue ids or bot logins
      paths: ["src/**"]        # any changed file (old or new path) matches a glob
      base: [main, "release/*"]
      labels: [needs-senior]
      tier: [new]              # autonomy tier of the PR's agents (section 5)
      min_changed_lines: 1
    require:
      approvals: 1             # distinct approvers; 0 = rule reports only
      from:                    # an approver must match one of these (any of);
                               # omitted = any user with \`write\` permission or more
        teams: [senior-engineers]     # slug in the PR's org, or org/slug
        users: [alice]
        permission: maintain   # minimum repository permission
    request_review: true       # request the review from teams/users when pending (default true)

gates:                         # automated quality gates on AI-assisted PRs (section 4.4)
  max_changed_lines: 1000
  max_changed_files: 50
  forbidden_paths: [".github/workflows/**", "**/*.pem"]
  tests: { when_changed: ["src/**"], require_changed: ["test/**", "**/*.test.*"] }
  required_checks: [build, test]        # other check runs / statuses that must succeed
  forbid_agent_signoff: true            # an agent in Signed-off-by fails (kernel policy)

autonomy:                      # graduated autonomy (section 5); omitted = everyone is \`new\`
  window_days: 90
  scope: repository            # repository | organization
  tiers:
    - { name: established, min_merged: 10, max_revert_rate: 0.05 }
    - { name: trusted, min_merged: 50, max_revert_rate: 0.02 }
  demote_on_revert_days: 14    # after a revert the agent is \`new\` for this long

policy_admins:                 # who must approve a PR that changes governance files
  teams: [platform-leads]

override:                      # break glass: an admin's label passes the check, loudly
  label: governance-override
  by: { teams: [incident-commanders] }
`.slice(1);

/**
 * The full example with the bot logins of `not_ai` quoted: unquoted, `[bot]` inside a flow
 * list `[...]` starts a nested list, so the verbatim example is not valid YAML.
 */
export const FULL_EXAMPLE_QUOTED = FULL_EXAMPLE.replace(
  "not_ai: [dependabot[bot], renovate[bot], github-actions[bot], pre-commit-ci[bot]]",
  'not_ai: ["dependabot[bot]", "renovate[bot]", "github-actions[bot]", "pre-commit-ci[bot]"]',
);
/** The full example as an organisation default (an organisation file cannot `extends`). */
export const FULL_EXAMPLE_ORG = FULL_EXAMPLE_QUOTED.replace(/^extends: .*\n/m, "");
/** The full example as a repository file (a repository file cannot `enforce`). */
export const FULL_EXAMPLE_REPO = FULL_EXAMPLE_QUOTED.replace(/^enforce: .*\n/m, "");
