/**
 * The policy's detection switches through the real server: `detection.count` narrows which
 * confidences make a pull request AI-assisted, `detection.unknown_bots` decides whether an
 * unknown bot counts, and the pull request's own description is read like a commit.
 */
import { beforeAll, describe, expect, it } from "@jest/globals";
import { verdictOf } from "../../tools/sandbox/verdict.js";
import type { CommitSpec } from "@agent-governance/github-simulator";
import { freshRepo, useSandbox } from "./stage.js";

const sandbox = useSandbox();

beforeAll(() => {
  const { world } = sandbox();
  world.addOrg("acme", { members: ["alice"] });
  world.addUser("acme-helper[bot]", { id: 91000001 });
});

async function opened(policy: string | null, commit: CommitSpec, body = "") {
  const { world } = sandbox();
  const name = freshRepo("switches");
  world.addRepo("acme", name, policy === null ? {} : { files: { ".agent-governance.yml": policy } });
  const pr = world.openPullRequest({ repo: `acme/${name}`, author: "alice", head: "feature/x", commits: [commit], body });
  await sandbox().deliver("pull_request", "opened", { pr });
  return verdictOf(world, pr);
}

/** Only a structural guess: a co-author with a vendor's no-reply address nobody catalogued. */
const INFERRED_ONLY: CommitSpec = { message: "Add retries\n\nCo-Authored-By: Cumulus <noreply@cumulus.example>\n" };
const BY_UNKNOWN_BOT: CommitSpec = {
  message: "Update the lockfile",
  author: { name: "acme-helper[bot]", email: "91000001+acme-helper[bot]@users.noreply.github.com" },
};

describe("detection.count", () => {
  it("counts an inferred signal by default", async () => {
    const verdict = await opened(null, INFERRED_ONLY);
    expect(verdict.conclusion).toBe("action_required");
    expect(verdict.summary).toMatch(/inferred \| <code>machine-co-author<\/code>/);
  });

  it("shows it without counting it under `count: [declared, identity]`", async () => {
    const verdict = await opened("version: 1\ndetection:\n  count: [declared, identity]\n", INFERRED_ONLY);
    expect(verdict.conclusion).toBe("success");
    expect(verdict.summary).toMatch(/inferred \(not counted\) \| <code>machine-co-author<\/code>/);
  });
});

describe("detection.unknown_bots", () => {
  it("reports an unknown bot without counting it by default", async () => {
    const verdict = await opened(null, BY_UNKNOWN_BOT);
    expect(verdict.conclusion).toBe("success");
    expect(verdict.summary).toMatch(/<code>unknown-bot<\/code>.*unknown automation/);
  });

  it("counts it as AI with `unknown_bots: ai`", async () => {
    const verdict = await opened("version: 1\ndetection:\n  unknown_bots: ai\n", BY_UNKNOWN_BOT);
    expect(verdict.conclusion).toBe("action_required");
    expect(verdict.summary).toMatch(/AI-assisted/);
  });
});

describe("the pull request's description", () => {
  it("makes a PR with human-looking commits AI-assisted when it declares Claude Code", async () => {
    const verdict = await opened(null, { message: "Add retries" }, "Adds retries.\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)");
    expect(verdict.conclusion).toBe("action_required");
    expect(verdict.summary).toMatch(/pull request \| declared/);
  });
});
