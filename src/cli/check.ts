/** `agent-governance check [--base REF] [--json]` (SPEC §1.1). */
import { resolvePolicy } from "../config/load.js";
import { POLICY_FILE } from "../config/policy.js";
import { detectUnder, evaluate } from "../policy/evaluate.js";
import { blocksBeyondApprovals, checkReport, renderCheckText } from "./check-report.js";
import { EXIT, type Command } from "./command.js";
import { gatherLocalPullRequest } from "./git-facts.js";

export const checkCommand: Command = {
  name: "check",
  summary: "evaluate the current branch as a pull request into the base branch",
  help: `Usage: agent-governance check [--base REF] [--json]

Evaluates the current git branch as if it were a pull request into REF: the commits
REF..HEAD, the files changed since the merge base, and the policy (${POLICY_FILE})
as committed on REF — never the working tree, so a branch cannot change the rules that
judge it. No network and no approvals: it says what the pull request will need.
Required checks run in CI and are reported as pending, not as blocking.

Options:
  --base REF  the branch the pull request targets (default: the upstream's default
              branch from refs/remotes/origin/HEAD, else main)
  --json      print one JSON object: ai_assisted, agents, commits[] (sha, ai_assisted,
              agents, signals[] of kind, agent, strength, detail), rules[] (name,
              status, needs), gates[] (name, status, detail), policy (source, errors)
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
    const loaded = resolvePolicy({ repository: basePolicy, organization: null });
    const decision = evaluate(loaded, facts, detectUnder(loaded, facts), { agents: {} });
    if (values.json) io.stdout.write(`${JSON.stringify(checkReport(decision), null, 2)}\n`);
    else io.stdout.write(renderCheckText(decision, facts, base.ref, loaded.ok ? loaded.warnings : []));
    return !loaded.ok || blocksBeyondApprovals(decision) ? EXIT.failed : EXIT.ok;
  },
};
