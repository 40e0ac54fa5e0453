/** `agent-governance check [--base REF] [--json]`. */
import { resolvePolicy } from "../config/load.js";
import { POLICY_FILE } from "../config/policy.js";
import { detectUnder, evaluate } from "../policy/evaluate.js";
import { blocksBeyondApprovals, checkReport, renderCheckText } from "../report/local-check.js";
import { EXIT, type Command } from "./command.js";
import { gatherLocalPullRequest } from "./git-facts.js";
import { needsOrganizationDefault, readOrganizationDefault, unreadOrganizationDefault } from "./organization-default.js";

export const checkCommand: Command = {
  name: "check",
  summary: "evaluate the current branch as a pull request into the base branch",
  help: `Usage: agent-governance check [--base REF] [--json]

Evaluates the current git branch as if it were a pull request into REF: the commits
REF..HEAD, the files changed since the merge base, and the policy (${POLICY_FILE})
as committed on REF — never the working tree, so a branch cannot change the rules that
judge it. No approvals: it says what the pull request will need. Required checks
run in CI and are reported as pending, not as blocking.

When the base has no policy file, or its file says \`extends: org\`, the organisation
default decides: with GITHUB_TOKEN (or the App's credentials) it is read from the
owner's .github repository; without, check says it was not read and evaluates the
repository's file on its own (or the built-in default). Nothing else uses the network.

Options:
  --base REF  the branch the pull request targets (default: the upstream's default
              branch from refs/remotes/origin/HEAD, else main)
  --json      print one JSON object: verdict (ready, needs-approval, blocked),
              base and head (ref, sha), ai_assisted, agents, commits[] (sha,
              ai_assisted, agents, signals[] of kind, agent, strength, detail),
              rules[] (name, status, needs), gates[] (name, status, detail),
              policy (source, errors, organization_default)
  -h, --help  show this help

Exit codes:
  0  nothing would block beyond approvals
  1  a gate fails, or the policy is invalid
  2  error: not a git repository, unknown base ref, bad usage
`,
  options: {
    base: { type: "string" },
    json: { type: "boolean" },
  },
  maxPositionals: 0,
  async run({ values }, io) {
    const gathered = await gatherLocalPullRequest(io.cwd, values.base as string | undefined);
    if (!gathered.ok) {
      io.stderr.write(`agent-governance check: ${gathered.message}\n`);
      return EXIT.error;
    }
    const { facts, basePolicy, base } = gathered.pull;
    const organization = needsOrganizationDefault(basePolicy) ? await readOrganizationDefault(io) : undefined;
    const organizationBlob = organization === undefined ? null : organization.read ? organization.blob : basePolicy && unreadOrganizationDefault(organization.why);
    const loaded = resolvePolicy({ repository: basePolicy, organization: organizationBlob });
    const decision = evaluate(loaded, facts, detectUnder(loaded, facts), { agents: {} });
    const context = { base, baseValid: loaded.ok, organization };
    if (values.json) io.stdout.write(`${JSON.stringify(checkReport(decision, facts, context), null, 2)}\n`);
    else io.stdout.write(renderCheckText(decision, facts, context, loaded.ok ? loaded.warnings : []));
    return !loaded.ok || blocksBeyondApprovals(decision) ? EXIT.failed : EXIT.ok;
  },
};
