/** `agent-governance detect [RANGE] [--since 90d] [--json|--csv] [--explain SHA]`: a history's AI share. */
import { existsSync } from "node:fs";
import { resolvePolicy } from "../config/load.js";
import { POLICY_FILE } from "../config/policy.js";
import { DEFAULT_DETECTION } from "../detect/detect.js";
import { judgeHistory, type DatedCommit } from "../detect/history.js";
import type { CommitFacts } from "../facts.js";
import { commitExplanation, historyCsv, historyJson, historyText } from "../report/history.js";
import { EXIT, type Command } from "./command.js";
import { gitIn, type Git } from "./git.js";
import { actorFromEmail } from "./git-identity.js";
import { policyBlobFromBytes } from "./policy-blob.js";
import { formatPolicyError } from "../report/policy-error.js";

const FORMAT = "--format=%H%x00%P%x00%an%x00%ae%x00%cn%x00%ce%x00%aI%x00%B";
const FIELDS = 8;

export const detectCommand: Command = {
  name: "detect",
  summary: "count AI-assisted commits in a local history, per agent and per month",
  help: `Usage: agent-governance detect [RANGE] [--since 90d|DATE] [--json|--csv] [--explain SHA]

Classifies every commit of a local git history (not a pull request) with the detector the
app uses, and prints how many are AI-assisted, per month, per agent (with the rules that
found them) and per rule. Detection settings come from ${POLICY_FILE} at HEAD when there
is one, else the built-in defaults.

Arguments:
  RANGE          a git revision range (default HEAD: everything reachable from it),
                 e.g. main, v1.0..main, origin/main~500..origin/main

Options:
  --since WHEN   only commits authored since WHEN: a number of days (90d) or a date
                 (YYYY-MM-DD, ISO 8601)
  --json         print one JSON object: commits, aiCommits, agents[], months[], rules[],
                 ai_commits[] (sha, authored_at, subject, agents, rules)
  --csv          print one row per commit: sha, authored_at, month, ai_assisted, agents,
                 rules, confidences, subject
  --explain SHA  show one commit's signals: rule, confidence, agent and evidence
  -h, --help     show this help

Exit codes:
  0  done
  2  error: not a git repository, unknown range, invalid policy at HEAD, bad usage
`,
  options: {
    since: { type: "string" },
    json: { type: "boolean" },
    csv: { type: "boolean" },
    explain: { type: "string" },
  },
  maxPositionals: 1,
  async run({ values, positionals }, io) {
    const fail = (message: string) => (io.stderr.write(`agent-governance detect: ${message}\n`), EXIT.error);
    if (values.json && values.csv) return fail("--json and --csv cannot be combined");
    if (!existsSync(io.cwd)) return fail(`directory '${io.cwd}' does not exist`);
    const since = parseSinceArgument(values.since as string | undefined);
    if (since === "invalid") return fail(`--since '${String(values.since)}' is not a number of days (90d) or a date (YYYY-MM-DD)`);
    const git = gitIn(io.cwd);
    const top = await git(["rev-parse", "--git-dir"]);
    if (!top.ok) return fail(top.missingGit ? "git is not installed (or not on PATH)" : `not a git repository: ${io.cwd}`);

    const config = await detectionAtHead(git);
    if (typeof config === "string") return fail(config);

    if (typeof values.explain === "string") {
      const commits = await readLog(git, ["-n", "1", `${values.explain}^{commit}`, "--"]);
      if (typeof commits === "string" || commits.length === 0) return fail(`unknown commit '${values.explain}'`);
      io.stdout.write(commitExplanation(judgeHistory(commits, config).judged[0]));
      return EXIT.ok;
    }

    const range = positionals[0] ?? "HEAD";
    if (range.startsWith("-")) return fail(`'${range}' is not a revision range`);
    const args = since ? [`--since=${since.toISOString()}`, range, "--"] : [range, "--"];
    const commits = await readLog(git, args);
    if (typeof commits === "string") return fail(commits);
    const summary = judgeHistory(commits, config);
    const scope = since ? `${range} since ${since.toISOString().slice(0, 10)}` : range;
    io.stdout.write(values.json ? historyJson(summary) : values.csv ? historyCsv(summary) : historyText(summary, scope));
    return EXIT.ok;
  },
};

/** "90d" → 90 days ago; a date or time → that instant; absent → null. */
export function parseSinceArgument(value: string | undefined, now = new Date()): Date | null | "invalid" {
  if (value === undefined) return null;
  const days = /^(\d{1,5})d$/.exec(value.trim());
  if (days) return new Date(now.getTime() - Number(days[1]) * 86_400_000);
  if (!/^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:\d{2}))?$/.test(value.trim())) return "invalid";
  const date = new Date(/T/.test(value) ? value : `${value.trim()}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? "invalid" : date;
}

async function detectionAtHead(git: Git) {
  const blob = await git(["cat-file", "blob", `HEAD:${POLICY_FILE}`]);
  if (!blob.ok) return DEFAULT_DETECTION;
  const loaded = resolvePolicy({ repository: policyBlobFromBytes(POLICY_FILE, blob.stdout), organization: null });
  if (!loaded.ok) return `${POLICY_FILE} at HEAD is invalid:\n${loaded.errors.map((e) => `  ${formatPolicyError(e)}`).join("\n")}`;
  return loaded.policy.detection;
}

async function readLog(git: Git, args: string[]): Promise<DatedCommit[] | string> {
  const output = await git(["log", "-z", FORMAT, ...args]);
  if (!output.ok) return `git log failed: ${output.stderr.split("\n")[0] || "unknown range"}`;
  const fields = output.stdout.toString("utf8").split("\0");
  if (fields[fields.length - 1] === "") fields.pop();
  if (fields.length % FIELDS !== 0) return `unexpected git log output (${fields.length} fields)`;
  const commits: DatedCommit[] = [];
  for (let i = 0; i < fields.length; i += FIELDS) {
    const [sha, parents, authorName, authorEmail, committerName, committerEmail, authoredAt, message] = fields.slice(i, i + FIELDS);
    const commit: CommitFacts = {
      sha,
      message,
      author: { name: authorName, email: authorEmail, user: actorFromEmail(authorEmail) },
      committer: { name: committerName, email: committerEmail, user: actorFromEmail(committerEmail) },
      parentCount: parents === "" ? 0 : parents.split(" ").length,
    };
    commits.push({ commit, authoredAt });
  }
  return commits;
}
