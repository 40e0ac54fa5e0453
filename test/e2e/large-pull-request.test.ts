/**
 * A pull request larger than GitHub lists, through the real server: GitHub stops listing a
 * pull request's files at 3 000, so a forbidden file beyond that is never seen. The check must
 * fail closed and say what could not be read rather than pass on the part that was.
 */
import { beforeAll, describe, expect, it } from "@jest/globals";
import { verdictOf } from "../../tools/sandbox/verdict.js";
import { aiMessage, freshRepo, useSandbox } from "./stage.js";

const sandbox = useSandbox();

beforeAll(() => {
  sandbox().world.addOrg("acme", { members: ["alice"] });
});

describe("a pull request with more files than GitHub lists", () => {
  it("an AI pull request of 3 006 files whose 3 006th is a forbidden *.pem fails, saying GitHub listed 3000 of 3006 files", async () => {
    const name = freshRepo("large");
    sandbox().world.addRepo("acme", name, { files: { ".agent-governance.yml": 'version: 1\nrules: []\ngates:\n  forbidden_paths: ["**/*.pem"]\n' } });
    const files = Array.from({ length: 3005 }, (_, i) => ({ path: `gen/f${String(i).padStart(4, "0")}.txt`, additions: 1 }));
    const pr = sandbox().world.openPullRequest({
      repo: `acme/${name}`,
      author: "alice",
      head: "agent/generate",
      commits: [{ message: aiMessage("Generate the fixtures") }],
      files: [...files, { path: "zz/server.pem", additions: 1 }],
    });

    await sandbox().deliver("pull_request", "opened", { pr });

    const verdict = verdictOf(sandbox().world, pr);
    expect(verdict.conclusion).toBe("failure");
    expect(verdict.title).toBe("Could not read the whole pull request: GitHub listed 3000 of 3006 files");
    expect(verdict.summary).toMatch(/Not read in full/);
  });
});
