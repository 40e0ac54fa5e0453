/**
 * The local adapter: gathers the facts of "this branch as a pull request into BASE" from git
 * alone (no network), the way the GitHub adapter gathers them from the API. The policy comes
 * from the base commit, never from the working tree or the branch.
 */
import { existsSync } from "node:fs";
import { basename } from "node:path";
import { POLICY_FILE, type PolicyBlob } from "../config/policy.js";
import type { CommitFacts, GitIdentity, PullRequestFacts } from "../facts.js";
import { gitIn, type Git, type GitOutput } from "./git.js";
import { parseDiff, type DiffedFile } from "./git-diff.js";
import { actorFromEmail, UNKNOWN_AUTHOR } from "./git-identity.js";
import { LOG_FORMAT, parseGitLog, type LoggedCommit } from "./git-log.js";
import { policyBlobFromBytes } from "./policy-blob.js";
import { repositoryFromRemote } from "./remote.js";

export interface LocalPullRequest {
  facts: PullRequestFacts;
  /** `.agent-governance.yml` at the base commit; null when the base has none. */
  basePolicy: PolicyBlob | null;
  /** The ref git was given (e.g. "origin/main") and the branch name it stands for ("main"). */
  base: { ref: string; branch: string; sha: string };
}

export type GatherResult = { ok: true; pull: LocalPullRequest } | { ok: false; message: string };

/** A git failure that ends the gathering, already phrased for the user. */
class GatherFailure extends Error {}

export async function gatherLocalPullRequest(cwd: string, baseRef: string | undefined): Promise<GatherResult> {
  try {
    return { ok: true, pull: await gather(cwd, baseRef) };
  } catch (error) {
    if (error instanceof GatherFailure) return { ok: false, message: error.message };
    throw error;
  }
}

async function gather(cwd: string, requestedBase: string | undefined): Promise<LocalPullRequest> {
  if (!existsSync(cwd)) throw new GatherFailure(`directory '${cwd}' does not exist`);
  const top = await gitIn(cwd)(["rev-parse", "--show-toplevel"]);
  if (!top.ok) {
    if (top.missingGit) throw new GatherFailure("git is not installed (or not on PATH)");
    throw new GatherFailure(`not a git repository: ${cwd} — run it inside the repository to check`);
  }
  const root = text(top).trim();
  const git = gitIn(root);

  const headSha = await optional(git, ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]);
  if (headSha === null) throw new GatherFailure("HEAD has no commits yet — commit your work first");
  const headRef = (await optional(git, ["symbolic-ref", "--quiet", "--short", "HEAD"])) ?? "HEAD";

  const upstreamDefault = await optional(git, ["symbolic-ref", "--quiet", "refs/remotes/origin/HEAD"]);
  const defaultRef = upstreamDefault?.replace(/^refs\/remotes\//, "") ?? "main";
  const baseRef = requestedBase ?? defaultRef;
  const baseSha = baseRef.startsWith("-") ? null : await optional(git, ["rev-parse", "--verify", "--quiet", `${baseRef}^{commit}`]);
  if (baseSha === null) throw new GatherFailure(`unknown base ref '${baseRef}' — pass --base with an existing branch`);
  const baseBranch = branchName(baseRef, (await optional(git, ["rev-parse", "--symbolic-full-name", baseRef])) ?? "");

  const mergeBase = await optional(git, ["merge-base", baseSha, headSha]);
  if (mergeBase === null) {
    throw new GatherFailure(`'${baseRef}' and HEAD have no common ancestor — fetch more history if this is a shallow clone`);
  }

  const log = parseGitLog(text(await required(git, ["log", "-z", "--reverse", LOG_FORMAT, `${baseSha}..${headSha}`, "--"])));
  if ("error" in log) throw new GatherFailure(log.error);
  // Diffing from the merge base is what `git diff BASE...HEAD` and GitHub's "Files changed" show.
  const diff = (format: string[]) => required(git, ["diff", ...format, "-z", "-M", "--no-ext-diff", "--no-textconv", mergeBase, headSha, "--"]);
  const raw = text(await diff(["--raw", "--no-abbrev"]));
  const numstat = text(await diff(["--numstat"]));
  const files = parseDiff(raw, numstat);
  if ("error" in files) throw new GatherFailure(files.error);

  const commits = log.map(commitFacts);
  const headCommit = commits[commits.length - 1];
  const remoteUrl = await optional(git, ["remote", "get-url", "origin"]);
  const repository = (remoteUrl && repositoryFromRemote(remoteUrl)) || { owner: "local", repo: basename(root) };

  const facts: PullRequestFacts = {
    ...repository,
    number: 0,
    title: headCommit?.message.split(/\r?\n/, 1)[0] ?? "",
    body: "",
    author: (headCommit && actorFromEmail(headCommit.author.email)) ?? UNKNOWN_AUTHOR,
    draft: false,
    state: "OPEN",
    baseRef: baseBranch,
    headRef,
    headSha,
    defaultBranch: branchName(defaultRef, upstreamDefault ?? `refs/heads/${defaultRef}`),
    labels: [],
    commits,
    files: files.map(({ newOid: _, ...file }) => file),
    reviews: [],
    checks: [],
    requestedReviewers: { users: [], teams: [] },
    policyChanges: await policyChanges(git, files),
    directory: { teams: {}, permissions: {} },
  };
  return { facts, basePolicy: await basePolicy(git, baseSha), base: { ref: baseRef, branch: baseBranch, sha: baseSha } };
}

function commitFacts(commit: LoggedCommit): CommitFacts {
  const identity = ({ name, email }: { name: string; email: string }): GitIdentity => ({ name, email, user: actorFromEmail(email) });
  return {
    sha: commit.sha,
    message: commit.message,
    author: identity(commit.author),
    committer: identity(commit.committer),
    parentCount: commit.parents.length,
  };
}

/** Rules match `base` on branch names, so "origin/release/1" must read "release/1". */
function branchName(ref: string, fullName: string): string {
  if (fullName.startsWith("refs/heads/")) return fullName.slice("refs/heads/".length);
  const remote = /^refs\/remotes\/[^/]+\/(.+)$/.exec(fullName);
  return remote ? remote[1] : ref;
}

async function basePolicy(git: Git, baseSha: string): Promise<PolicyBlob | null> {
  const entry = text(await required(git, ["ls-tree", "-z", "--full-tree", baseSha, "--", POLICY_FILE]));
  if (entry === "") return null;
  const [, type, oid] = /^\d+ (\w+) ([0-9a-f]+)\t/.exec(entry) ?? [];
  // A directory (or submodule) with the policy's name cannot be read as a policy: fail closed.
  if (type !== "blob") return { path: POLICY_FILE, text: null, byteSize: 0, oid: oid ?? "" };
  return readBlob(git, oid);
}

async function policyChanges(git: Git, files: DiffedFile[]): Promise<PullRequestFacts["policyChanges"]> {
  const changes: PullRequestFacts["policyChanges"] = [];
  for (const file of files) {
    if (file.path === POLICY_FILE) {
      changes.push({ path: POLICY_FILE, blob: file.newOid ? await readBlob(git, file.newOid) : null });
    } else if (file.previousPath === POLICY_FILE && file.changeType === "RENAMED") {
      changes.push({ path: POLICY_FILE, blob: null });
    }
  }
  return changes;
}

async function readBlob(git: Git, oid: string): Promise<PolicyBlob> {
  const bytes = (await required(git, ["cat-file", "blob", oid])).stdout;
  return { ...policyBlobFromBytes(POLICY_FILE, bytes), oid };
}

function text(output: GitOutput & { ok: true }): string {
  return output.stdout.toString("utf8");
}

/** Output of a command whose failure is an answer ("no such ref"), trimmed; null on failure. */
async function optional(git: Git, args: string[]): Promise<string | null> {
  const output = await git(args);
  return output.ok ? text(output).trim() : null;
}

async function required(git: Git, args: string[]): Promise<GitOutput & { ok: true }> {
  const output = await git(args);
  if (output.ok) return output;
  throw new GatherFailure(`git ${args[0]} failed: ${output.stderr.split("\n")[0] || `exit code ${output.exitCode}`}`);
}
