/**
 * README's full policy example works where it is pasted: `validate` accepts it and `check`
 * on an AI-assisted branch asks for the senior approval the example promises, with nothing
 * else blocking and no organisation default needed.
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import type { CheckReport } from "../../src/report/local-check.js";
import { cli, makeRepo, type TestRepo } from "../cli/git-repo.js";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const example = /### Full example\n\n```yaml\n([\s\S]*?)```/.exec(readme)?.[1];

let repo: TestRepo | undefined;
afterEach(() => repo?.remove());

/** A repository whose main carries the example, and a branch with one Claude-assisted commit. */
function pasted(): TestRepo {
  repo = makeRepo();
  repo.write(".agent-governance.yml", example!);
  repo.write("src/app.ts", "export const app = 1;\n");
  repo.commit("Adopt the policy\n");
  repo.git("checkout", "--quiet", "-b", "feature");
  repo.write("src/app.ts", "export const app = 2;\n");
  repo.write("test/app.test.ts", "test('app', () => {});\n");
  repo.commit("Change the app\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n");
  return repo;
}

describe("README's full example", () => {
  it("is found in README", () => {
    expect(example).toContain("version: 1");
  });

  it("is valid", async () => {
    const { dir } = pasted();
    expect(await cli(dir, "validate")).toMatchObject({ code: 0, stdout: expect.stringMatching(/\.agent-governance\.yml: valid\n$/) });
  });

  it("asks an AI-assisted branch for senior approval, and nothing else blocks", async () => {
    const { dir } = pasted();
    const run = await cli(dir, "check", "--json");
    const report = JSON.parse(run.stdout) as CheckReport;
    expect(report.policy.errors).toEqual([]);
    expect(report.rules).toContainEqual({ name: "senior approval", status: "waiting", needs: expect.stringContaining("senior-engineers") });
    expect(report.verdict).toBe("needs-approval");
    expect(run.code).toBe(0);
  });
});
