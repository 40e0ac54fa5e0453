import { describe, expect, it } from "@jest/globals";
import { parseDiff } from "../../src/cli/git-diff.js";

const OLD = "1".repeat(40);
const NEW = "2".repeat(40);
const NONE = "0".repeat(40);
const z = (...fields: string[]) => `${fields.join("\0")}\0`;

describe("parseDiff", () => {
  it("reads a modified file with its line counts and new blob", () => {
    expect(parseDiff(z(`:100644 100644 ${OLD} ${NEW} M`, "src/a.ts"), z("3\t1\tsrc/a.ts"))).toEqual([
      { path: "src/a.ts", additions: 3, deletions: 1, changeType: "MODIFIED", newOid: NEW },
    ]);
  });

  it("keeps the old path of a rename", () => {
    const [file] = parseDiff(z(`:100644 100644 ${OLD} ${NEW} R086`, "old/name.ts", "new/name.ts"), z("2\t0\t", "old/name.ts", "new/name.ts")) as object[];
    expect(file).toEqual({ path: "new/name.ts", previousPath: "old/name.ts", additions: 2, deletions: 0, changeType: "RENAMED", newOid: NEW });
  });

  it("has no new blob for a deleted file", () => {
    const [file] = parseDiff(z(`:100644 000000 ${OLD} ${NONE} D`, "gone.txt"), z("0\t4\tgone.txt")) as object[];
    expect(file).toEqual({ path: "gone.txt", additions: 0, deletions: 4, changeType: "DELETED" });
  });

  it("counts a binary file as zero lines", () => {
    const [file] = parseDiff(z(`:000000 100644 ${NONE} ${NEW} A`, "logo.png"), z("-\t-\tlogo.png")) as object[];
    expect(file).toMatchObject({ path: "logo.png", additions: 0, deletions: 0, changeType: "ADDED" });
  });

  it("takes paths with tabs, spaces and newlines literally", () => {
    const path = "docs/a\tb c\nd.md";
    expect(parseDiff(z(`:100644 100644 ${OLD} ${NEW} M`, path), z(`1\t1\t${path}`))).toEqual([
      { path, additions: 1, deletions: 1, changeType: "MODIFIED", newOid: NEW },
    ]);
  });

  it("reports malformed output instead of guessing", () => {
    expect(parseDiff("garbage\0", "")).toEqual({ error: expect.stringContaining("unexpected git diff --raw output") });
  });
});
