/**
 * `agent-governance explain OWNER/REPO#N`: the app's evaluation of a live pull
 * request, read-only, printed as the check run would show it. The same path as the app —
 * gather facts, resolve the policy from the base branch, answer directory questions, read
 * trust from the ledger, evaluate — with a client that refuses every write.
 */
import type { Autonomy } from "../config/policy.js";
import { githubDirectory } from "../github/directory.js";
import { gatherFacts, PullRequestNotFoundError } from "../github/gather-facts.js";
import { trustFor } from "../pipeline/trust.js";
import type { Decision, Trust } from "../policy/decision.js";
import { judgeGathered } from "../pipeline/decide-pull-request.js";
import { renderCheckRun } from "../report/check-run.js";
import { summarySections } from "../report/summary.js";
import { EXIT, type CliIo, type Command } from "./command.js";
import { openGitHubClient } from "../github/cli-client.js";
import { cliEnv, openCliLedger } from "./ledger-env.js";
import { WriteRefusedError } from "../github/read-only.js";
import { parseTarget } from "./repository-target.js";

export const explainCommand: Command = {
  name: "explain",
  summary: "dry-run the app on a live pull request (read-only)",
  help: `Usage: agent-governance explain OWNER/REPO#N [--json]

Evaluates a live pull request exactly as the app would — policy from the head of the
base branch (or the organisation default), facts of the current head commit, team
membership and permissions, agents' tiers from the ledger — and prints the check run
it would report: conclusion and title first, then the whole summary (Markdown, never
truncated) and the annotations. Read-only: the client refuses any request that could
write to GitHub, and nothing is recorded in the ledger.

Options:
  --json      print one JSON object: check_run (status, conclusion, title, summary,
              annotations) and decision (the engine's full result)
  -h, --help  show this help

Environment:
  GITHUB_TOKEN         a token that can read the repository (or APP_ID with
                       PRIVATE_KEY or PRIVATE_KEY_PATH: the App's installation)
  GITHUB_API_URL       API base URL; or GHE_HOST and GHE_PROTOCOL (GitHub Enterprise
                       Server, the project's simulator); default https://api.github.com
  DATABASE_URL         the ledger for the agents' tiers; else the SQLite ledger in
  GOVERNANCE_DATA_DIR  (default ./data). Without a ledger every agent counts as new.

Exit codes:
  0  the check would pass (success)
  1  the check would block (action_required, failure, or in_progress)
  2  error: no credentials, pull request not found, GitHub error, bad usage
`,
  options: {
    json: { type: "boolean" },
  },
  maxPositionals: 1,
  async run({ values, positionals }, io) {
    if (positionals[0] === undefined) return fail(io, "name the pull request as OWNER/REPO#N");
    const parsed = parseTarget(positionals[0], { pr: "required", repo: "required" });
    if (!parsed.ok) return fail(io, parsed.message);
    const ref = { owner: parsed.target.owner, repo: parsed.target.repo!, number: parsed.target.pr! };

    const client = await openGitHubClient(cliEnv(io), parsed.target);
    if (!client.ok) return fail(io, client.message);
    const notes: string[] = [];
    let decision: Decision;
    try {
      const gathered = await gatherFacts(client.octokit, ref);
      const judged = await judgeGathered(gathered, githubDirectory(client.octokit), (autonomy) => readTrust(io, ref, autonomy, notes));
      const facts = judged.facts;
      decision = judged.decision;
      if (facts.state !== "OPEN") notes.push(`the pull request is ${facts.state.toLowerCase()}: the app no longer evaluates it`);
    } catch (error) {
      return fail(io, failure(error, positionals[0]));
    }

    const checkRun = renderCheckRun(decision);
    if (values.json) {
      io.stdout.write(`${JSON.stringify({ check_run: checkRun, decision }, null, 2)}\n`);
    } else {
      io.stdout.write(renderExplanation(decision, `${ref.owner}/${ref.repo}#${ref.number}`, notes));
    }
    return decision.conclusion === "success" ? EXIT.ok : EXIT.failed;
  },
};

/** The ledger could not be opened: explain cannot show the tiers the app would use. */
class LedgerUnavailableError extends Error {}

/** The ledger's view of the agents (asked only when the policy uses autonomy). */
async function readTrust(io: CliIo, repo: { owner: string; repo: string }, autonomy: Autonomy, notes: string[]): Promise<Trust> {
  const opened = await openCliLedger(io, { mustExist: true });
  if (!opened.ok && opened.missing) {
    notes.push(`${opened.message}: every agent counts as new`);
    return { agents: {} };
  }
  if (!opened.ok) throw new LedgerUnavailableError(opened.message);
  try {
    return await trustFor(opened.ledger, repo, autonomy, new Date());
  } finally {
    await opened.ledger.close();
  }
}

/** Conclusion and title first, then what the check run's summary says — all of it. */
export function renderExplanation(decision: Decision, pullRequest: string, notes: readonly string[]): string {
  const checkRun = renderCheckRun(decision);
  const lines = [
    `${pullRequest} @ ${decision.headSha.slice(0, 7)} — dry run, nothing was written to GitHub`,
    `conclusion: ${checkRun.conclusion ?? checkRun.status}`,
    `title: ${checkRun.title}`,
    ...notes.map((note) => `note: ${note}`),
    "",
    summarySections(decision).join("\n\n"),
  ];
  if (checkRun.annotations.length > 0) {
    lines.push("", "Annotations:");
    for (const annotation of checkRun.annotations) {
      lines.push(`  ${annotation.path}:${annotation.start_line} ${annotation.annotation_level}: ${annotation.message}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

function failure(error: unknown, what: string): string {
  if (error instanceof PullRequestNotFoundError) return error.message;
  if (error instanceof WriteRefusedError) return error.message;
  if (error instanceof LedgerUnavailableError) return error.message;
  const status = (error as { status?: unknown }).status;
  if (status === 401) return "GitHub refused the credentials (HTTP 401): check GITHUB_TOKEN";
  if (status === 403 || status === 404) return `cannot read ${what} (HTTP ${status}): check that it exists and the token can read it`;
  return `GitHub request failed: ${error instanceof Error ? error.message : String(error)}`;
}

function fail(io: CliIo, message: string): number {
  io.stderr.write(`agent-governance explain: ${message}\n`);
  return EXIT.error;
}
