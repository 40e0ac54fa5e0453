import { afterEach, describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gatherLocalPullRequest, type LocalPullRequest } from "../../src/cli/git-facts.js";
import { makeRepo, type TestRepo } from "./git-repo.js";

const POLICY = "version: 1\n";
const CLAUDE_TRAILER = "Add feature\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n";

const cleanup: (() => void)[] = [];
afterEach(() => cleanup.splice(0).forEach((remove) => remove()));

/** main with a policy, then a `feature` branch. */
function repoWithFeatureBranch(): TestRepo {
  const repo = makeRepo();
  cleanup.push(() => repo.remove());
  repo.write(".agent-governance.yml", POLICY);
  repo.write("README.md", "hello\n");
  repo.commit("Initial commit");
  repo.git("checkout", "--quiet", "-b", "feature");
  return repo;
}

async function gather(cwd: string, base?: string): Promise<LocalPullRequest> {
  const result = await gatherLocalPullRequest(cwd, base);
  if (!result.ok) throw new Error(result.message);
  return result.pull;
}

describe("gatherLocalPullRequest", () => {
  it("takes the commits BASE..HEAD, oldest first, with exact messages", async () => {
    const repo = repoWithFeatureBranch();
    const first = repo.commit("First\n");
    const second = repo.commit(CLAUDE_TRAILER);
    const { facts } = await gather(repo.dir, "main");
    expect(facts.commits.map((commit) => [commit.sha, commit.message])).toEqual([
      [first, "First\n"],
      [second, CLAUDE_TRAILER],
    ]);
  });

  it("takes the changed files since the merge base, with renames and line counts", async () => {
    const repo = repoWithFeatureBranch();
    repo.git("mv", "README.md", "GUIDE.md");
    repo.write("src/app.ts", "a\nb\n");
    repo.commit("Move and add");
    const { facts } = await gather(repo.dir, "main");
    expect(facts.files).toEqual([
      { path: "GUIDE.md", previousPath: "README.md", additions: 0, deletions: 0, changeType: "RENAMED" },
      { path: "src/app.ts", additions: 2, deletions: 0, changeType: "ADDED" },
    ]);
  });

  it("ignores commits that reached the base after the branch was cut", async () => {
    const repo = repoWithFeatureBranch();
    repo.write("src/feature.ts", "x\n");
    repo.commit("Feature");
    repo.git("checkout", "--quiet", "main");
    repo.write("src/other.ts", "y\n");
    repo.commit("Someone else's change");
    repo.git("checkout", "--quiet", "feature");
    const { facts } = await gather(repo.dir, "main");
    expect(facts.files.map((file) => file.path)).toEqual(["src/feature.ts"]);
  });

  it("reads the policy from the base commit, not from the branch or the working tree", async () => {
    const repo = repoWithFeatureBranch();
    repo.write(".agent-governance.yml", "version: 1\nlabel: false\n");
    repo.commit("Change the policy");
    repo.write(".agent-governance.yml", "version: 2\n");
    const { basePolicy } = await gather(repo.dir, "main");
    expect(basePolicy).toMatchObject({ path: ".agent-governance.yml", text: POLICY, byteSize: POLICY.length });
  });

  it("gives the base policy the blob id git gives it", async () => {
    const repo = repoWithFeatureBranch();
    const { basePolicy } = await gather(repo.dir, "main");
    expect(basePolicy?.oid).toBe(repo.git("rev-parse", "main:.agent-governance.yml").trim());
  });

  it("has no base policy when the base has no policy file", async () => {
    const repo = makeRepo();
    cleanup.push(() => repo.remove());
    repo.commit("Initial commit");
    repo.git("checkout", "--quiet", "-b", "feature");
    expect((await gather(repo.dir, "main")).basePolicy).toBeNull();
  });

  it("lists a changed policy file with its new content", async () => {
    const repo = repoWithFeatureBranch();
    repo.write(".agent-governance.yml", "version: 1\nlabel: false\n");
    repo.commit("Change the policy");
    const { facts } = await gather(repo.dir, "main");
    expect(facts.policyChanges).toEqual([{ path: ".agent-governance.yml", blob: expect.objectContaining({ text: "version: 1\nlabel: false\n" }) }]);
  });

  it("lists a deleted policy file with no content", async () => {
    const repo = repoWithFeatureBranch();
    repo.git("rm", "--quiet", ".agent-governance.yml");
    repo.commit("Drop the policy");
    expect((await gather(repo.dir, "main")).facts.policyChanges).toEqual([{ path: ".agent-governance.yml", blob: null }]);
  });

  it("guesses the author from a GitHub noreply e-mail on the HEAD commit", async () => {
    const repo = repoWithFeatureBranch();
    repo.commit("Work", { name: "Octo Cat", email: "583231+Octocat@users.noreply.github.com" });
    expect((await gather(repo.dir, "main")).facts.author).toMatchObject({ login: "octocat", isBot: false });
  });

  it("calls the author 'local' when the HEAD commit's e-mail names no GitHub account", async () => {
    const repo = repoWithFeatureBranch();
    repo.commit("Work");
    expect((await gather(repo.dir, "main")).facts.author).toEqual({ login: "local", isBot: false });
  });

  it("knows the head branch, head commit and base branch", async () => {
    const repo = repoWithFeatureBranch();
    const head = repo.commit("Work");
    const { facts } = await gather(repo.dir, "main");
    expect(facts).toMatchObject({ headRef: "feature", headSha: head, baseRef: "main", defaultBranch: "main", labels: [], reviews: [], checks: [] });
  });

  it("defaults the base to the upstream's default branch and names it as a branch", async () => {
    const upstream = repoWithFeatureBranch();
    upstream.git("checkout", "--quiet", "main");
    upstream.git("branch", "--quiet", "-m", "main", "trunk");
    const clone = mkdtempSync(join(tmpdir(), "agent-governance-clone-"));
    cleanup.push(() => rmSync(clone, { recursive: true, force: true }));
    execFileSync("git", ["clone", "--quiet", upstream.dir, clone]);
    execFileSync("git", ["checkout", "--quiet", "-b", "work"], { cwd: clone });
    const pull = await gather(clone);
    expect([pull.base.ref, pull.facts.baseRef, pull.facts.defaultBranch]).toEqual(["origin/trunk", "trunk", "trunk"]);
  });

  it("works from a subdirectory of the repository", async () => {
    const repo = repoWithFeatureBranch();
    repo.write("src/deep/file.ts", "x\n");
    repo.commit("Work");
    const { basePolicy } = await gather(join(repo.dir, "src/deep"), "main");
    expect(basePolicy?.text).toBe(POLICY);
  });

  it.each([
    ["an unknown base ref", "mian", "unknown base ref 'mian' — pass --base with an existing branch"],
    ["a base ref that looks like an option", "--output=/tmp/x", "unknown base ref '--output=/tmp/x'"],
  ])("fails with a clear message for %s", async (_, base, message) => {
    const repo = repoWithFeatureBranch();
    expect(await gatherLocalPullRequest(repo.dir, base)).toEqual({ ok: false, message: expect.stringContaining(message) });
  });

  it("fails with a clear message outside a git repository", async () => {
    const dir = mkdtempSync(join(tmpdir(), "agent-governance-nogit-"));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    expect(await gatherLocalPullRequest(dir, undefined)).toEqual({ ok: false, message: expect.stringContaining("not a git repository") });
  });

  it("fails with a clear message when the base and HEAD share no history", async () => {
    const repo = repoWithFeatureBranch();
    repo.git("checkout", "--quiet", "--orphan", "unrelated");
    repo.commit("Unrelated root");
    expect(await gatherLocalPullRequest(repo.dir, "main")).toEqual({ ok: false, message: expect.stringContaining("no common ancestor") });
  });
});
