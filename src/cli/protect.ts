/**
 * `agent-governance protect OWNER/REPO|ORG`: create or update the
 * `agent-governance` ruleset that makes the check required with this app as its expected
 * source. It shows the change first and asks before making it (`--yes` skips the question;
 * without a terminal to ask on, it only shows the plan). The one CLI command that writes.
 */
import { createInterface } from "node:readline/promises";
import { findRuleset, rulesetFailure, writeRuleset } from "../github/rulesets.js";
import { EXIT, type CliIo, type Command } from "./command.js";
import { hasCredentials, openGitHubClient } from "../github/cli-client.js";
import { cliEnv } from "./ledger-env.js";
import { describeTarget, parseTarget, targetFromRemote, type RepositoryTarget } from "./repository-target.js";
import {
  DEFAULT_BRANCH,
  planRuleset,
  renderPlan,
  RULESET_NAME,
  type ExistingRuleset,
  type RulesetBody,
  type RulesetPlan,
  type RulesetWish,
} from "./ruleset.js";

/** Asks a yes/no question; null when there is nobody to ask (no terminal). */
export type Confirm = ((question: string) => Promise<boolean>) | null;

const HELP = `Usage: agent-governance protect [OWNER/REPO | ORG] [--branch BRANCH] [--app-id N] [--yes]

Makes the agent-governance check required, with this app as its expected source, through a
ruleset named "${RULESET_NAME}": on the repository (OWNER/REPO), or on every repository of
an organisation (ORG). Without a name, the repository of the 'origin' remote. Creates the
ruleset, or updates it keeping its other rules, required checks and bypass actors. Shows
the change and asks before making it.

Options:
  --branch BRANCH  the branches to protect: a name (main), a pattern (refs/heads/release/*),
                   ~DEFAULT_BRANCH or ~ALL (default ${DEFAULT_BRANCH})
  --app-id N       the app's id, the check's expected source (default: APP_ID)
  --yes            apply without asking (needed when there is no terminal to ask on)
  -h, --help       show this help

Environment:
  GITHUB_TOKEN     a token of an administrator of the repository or organisation (or APP_ID
                   with PRIVATE_KEY/PRIVATE_KEY_PATH, if the app may administer rulesets)
  GITHUB_API_URL   API base URL; or GHE_HOST and GHE_PROTOCOL; default https://api.github.com

Exit codes:
  0  the ruleset was created or updated, or already required the check
  1  not applied: declined, or no terminal and no --yes (the plan is printed)
  2  error: bad usage, unknown app id, no credentials, GitHub refused
`;

export function createProtectCommand(options: { confirm?: Confirm } = {}): Command {
  return {
    name: "protect",
    summary: "require the agent-governance check from this app with a ruleset",
    help: HELP,
    options: {
      branch: { type: "string" },
      "app-id": { type: "string" },
      yes: { type: "boolean" },
    },
    maxPositionals: 1,
    async run({ values, positionals }, io) {
      const env = cliEnv(io);
      const parsed = positionals[0] !== undefined ? parseTarget(positionals[0], { pr: "no", repo: "optional" }) : await targetFromRemote(io.cwd);
      if (!parsed.ok) return fail(io, parsed.message);
      const target = parsed.target;

      const appIdText = (typeof values["app-id"] === "string" ? values["app-id"] : env.APP_ID)?.trim();
      if (!appIdText) return fail(io, "the app's id is unknown: pass --app-id N or set APP_ID (the check must name the app as its source)");
      const appId = Number(appIdText);
      if (!/^\d+$/.test(appIdText) || !Number.isSafeInteger(appId) || appId < 1) return fail(io, `--app-id: '${appIdText}' is not an app id`);
      const branch = typeof values.branch === "string" ? values.branch.trim() : DEFAULT_BRANCH;
      if (branch === "" || /\s/.test(branch)) return fail(io, `--branch: '${values.branch}' is not a branch name or pattern`);
      const wish: RulesetWish = { scope: target.repo ? "repository" : "organization", appId, branch };

      // The generic advice asks for a token that can read; rulesets need an administrator.
      if (!hasCredentials(env)) {
        return fail(io, "no GitHub credentials: set GITHUB_TOKEN to a token of an administrator of the repository or organisation (or APP_ID with PRIVATE_KEY or PRIVATE_KEY_PATH, if the app may administer rulesets)");
      }
      const client = await openGitHubClient(env, target, {}, { writes: true });
      if (!client.ok) return fail(io, client.message);
      const where = describeTarget(target);
      let plan: RulesetPlan;
      try {
        plan = planRuleset((await findRuleset(client.octokit, target, RULESET_NAME)) as ExistingRuleset | null, wish);
      } catch (error) {
        return fail(io, rulesetFailure(error, `read the rulesets of ${where}`));
      }
      io.stdout.write(renderPlan(plan, where, wish.scope));
      if (plan.action === "none") return EXIT.ok;

      if (values.yes !== true) {
        const confirm = options.confirm === undefined ? terminalConfirm() : options.confirm;
        if (confirm === null) {
          io.stderr.write("agent-governance protect: not applied: re-run with --yes to apply\n");
          return EXIT.failed;
        }
        if (!(await confirm(`Apply this change to ${where}? [y/N] `))) {
          io.stderr.write("agent-governance protect: not applied\n");
          return EXIT.failed;
        }
      }
      try {
        const body: RulesetBody = plan.after;
        const id = await writeRuleset(client.octokit, target, body, plan.action === "create" ? undefined : plan.id!);
        io.stdout.write(`${plan.action === "create" ? "created" : "updated"} ruleset "${RULESET_NAME}" (id ${id}) on ${where}\n`);
        return EXIT.ok;
      } catch (error) {
        return fail(io, rulesetFailure(error, `${plan.action} the ruleset of ${where}`));
      }
    },
  };
}

export const protectCommand = createProtectCommand();

/** y/yes on the terminal; null when stdin is not one. */
function terminalConfirm(): Confirm {
  if (!process.stdin.isTTY) return null;
  return async (question) => {
    const terminal = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return /^y(es)?$/i.test((await terminal.question(question)).trim());
    } finally {
      terminal.close();
    }
  };
}

function fail(io: CliIo, message: string): number {
  io.stderr.write(`agent-governance protect: ${message}\n`);
  return EXIT.error;
}
