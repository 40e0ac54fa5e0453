import { describe, expect, it } from "@jest/globals";
import { parseGitLog } from "../../src/cli/git-log.js";

const A = "a".repeat(40);
const B = "b".repeat(40);
const C = "c".repeat(40);
const record = (...fields: string[]) => `${fields.join("\0")}\0`;

describe("parseGitLog", () => {
  it("reads every field of a commit and keeps the message byte for byte (CRLF included)", () => {
    const output = record(B, A, "Ada", "ada@example.com", "GitHub", "noreply@github.com", "Fix\r\n\r\nCo-Authored-By: Claude <noreply@anthropic.com>\r\n");
    expect(parseGitLog(output)).toEqual([
      {
        sha: B,
        parents: [A],
        author: { name: "Ada", email: "ada@example.com" },
        committer: { name: "GitHub", email: "noreply@github.com" },
        message: "Fix\r\n\r\nCo-Authored-By: Claude <noreply@anthropic.com>\r\n",
      },
    ]);
  });

  it("counts the parents of a merge commit and of a root commit", () => {
    const output = record(A, "", "x", "x@x", "x", "x@x", "root\n") + record(C, `${A} ${B}`, "x", "x@x", "x", "x@x", "merge\n");
    const commits = parseGitLog(output);
    expect(Array.isArray(commits) && commits.map((commit) => commit.parents.length)).toEqual([0, 2]);
  });

  it("reads no commits from empty output", () => {
    expect(parseGitLog("")).toEqual([]);
  });

  it("reports output that does not have the expected shape instead of guessing", () => {
    expect(parseGitLog("not a log\0")).toEqual({ error: expect.stringContaining("unexpected git log output") });
  });
});
