import { describe, expect, it } from "@jest/globals";
import { parseRevertReferences, pullRequestText } from "../../src/ledger/reverts.js";

const REPO = { owner: "acme", repo: "api" };
const SHA = "3f2a1c0d9e8b7a6f5e4d3c2b1a0f9e8d7c6b5a49";
const SHA2 = "9b8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c6";

describe("reverted commits named in a message", () => {
  it.each([
    ["git revert's message names the full SHA", `Revert "Add cache"\n\nThis reverts commit ${SHA}.\n`, [SHA]],
    ["an abbreviated SHA of 7 digits counts", "Revert \"x\"\n\nThis reverts commit 3f2a1c0.", ["3f2a1c0"]],
    ["6 digits are too few to name a commit", "This reverts commit 3f2a1c.", []],
    ["the parent of a reverted merge commit is not reverted", `This reverts commit ${SHA}, reversing\nchanges made to ${SHA2}.`, [SHA]],
    ["a squash of two reverts names both", `Reverts (#40)\n\n* Revert "a"\n\nThis reverts commit ${SHA}.\n\n* Revert "b"\n\nThis reverts commit ${SHA2}.`, [SHA, SHA2]],
    ["an upper-case SHA is read as lower case", `This reverts commit ${SHA.toUpperCase()}.`, [SHA]],
    ["the same commit named twice counts once", `This reverts commit ${SHA}.\nThis reverts commit ${SHA}.`, [SHA]],
    ["a quoted revert message is not a revert", `Why was this done?\n> This reverts commit ${SHA}.`, []],
    ["mentioning a revert mid-sentence is not a revert", `Note that this reverts commit ${SHA} partially`, []],
    ["a message without a revert names nothing", "Add cache\n\nCo-authored-by: Claude <noreply@anthropic.com>", []],
  ])("%s", (_name, text, commits) => {
    expect(parseRevertReferences(text, REPO).commits).toEqual(commits);
  });
});

describe("reverted pull requests named in a pull request or commit", () => {
  it.each([
    ["GitHub's revert PR body", pullRequestText('Revert "Add cache"', "Reverts acme/api#12"), [{ owner: "acme", repo: "api", number: 12 }]],
    [
      "a squash-merged revert PR: title and body",
      'Revert "Add cache (#12)" (#13)\n\nReverts acme/api#12',
      [{ owner: "acme", repo: "api", number: 12 }],
    ],
    ["the short form names a PR of the same repository", "Reverts #7", [{ owner: "acme", repo: "api", number: 7 }]],
    ["another repository's PR keeps its repository", "Reverts acme/web#3", [{ owner: "acme", repo: "web", number: 3 }]],
    ["a pull request URL", "Reverts https://github.com/acme/api/pull/12", [{ owner: "acme", repo: "api", number: 12 }]],
    ["owner and repository are read as lower case", "Reverts Acme/API#12", [{ owner: "acme", repo: "api", number: 12 }]],
    ["a PR named twice counts once", "Reverts acme/api#12\nReverts #12", [{ owner: "acme", repo: "api", number: 12 }]],
    ["a reference to an issue in passing is not a revert", "Fixes #12, which reverts nothing", []],
    ["a PR without a body names nothing", pullRequestText('Revert "Add cache"', null), []],
  ])("%s", (_name, text, pulls) => {
    expect(parseRevertReferences(text, REPO).pulls).toEqual(pulls);
  });
});
