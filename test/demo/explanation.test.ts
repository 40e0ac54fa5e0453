/** The demo's reading of a check run summary: the lines that explain the verdict, as plain text. */
import { describe, expect, it } from "@jest/globals";
import { explain, plain } from "../../tools/demo/explanation.js";

const SUMMARY = `## ⏳ Waiting for 1 approval from @acme/senior-engineers

**AI-assisted** — agents: <code>claude-code</code>; autonomy tier **new**. Head commit <code>3ee1776</code>.

### Rules

| Rule | Status | Needs | Who can satisfy | Approved by |
| --- | --- | --- | --- | --- |
| ⏳ senior approval | waiting | 1 approval from @acme/senior-engineers | @acme/senior-engineers | — |
| ✅ docs \\| guides | met | 1/1 | users with write permission or more | @bob |

### Approvals that did not count

- @dave — not eligible: not a member of @acme/senior-engineers (rule senior approval)

### Gates

| Gate | Status | Detail |
| --- | --- | --- |
| ✅ max_changed_lines | passed | 12 of 1000 |
| ❌ forbidden_paths | failed | forbidden path .github/workflows/deploy.yml |

### Agents

- <code>claude-code</code>: new — 0 merged, 0 reverted in 90 days

### AI signals

1 signal in 1 of 1 commits

| Where | Confidence | Rule | Agent | Detail |
| --- | --- | --- | --- | --- |
| <code>3ee1776</code> | identity | <code>catalogue-identity</code> | <code>claude-code</code> | Co-Authored-By: Claude &lt;noreply@anthropic.com&gt; |`;

describe("explain", () => {
  const lines = explain(SUMMARY);
  const of = (kind: string) => lines.filter((line) => line.kind === kind).map((line) => line.text);

  it.each([
    ["rule", ["senior approval — waiting: 1 approval from @acme/senior-engineers", "docs | guides — met (1/1, approved by @bob)"]],
    ["ignored", ["@dave — not eligible: not a member of @acme/senior-engineers (rule senior approval)"]],
    ["gate", ["forbidden_paths failed: forbidden path .github/workflows/deploy.yml"]],
    ["agent", ["claude-code: new — 0 merged, 0 reverted in 90 days"]],
    ["signal", ["3ee1776: catalogue-identity (identity, claude-code) Co-Authored-By: Claude <noreply@anthropic.com>"]],
  ])("reads the %s lines", (kind, expected) => {
    expect(of(kind)).toEqual(expected);
  });

  it("says nothing about sections the summary does not have", () => {
    expect(explain("## ✅ Passed: no AI involvement detected\n\n### Rules\n\nNo rule applies.")).toEqual([]);
  });
});

describe("plain", () => {
  it.each([
    ["<code>a&#124;b</code>", "a|b"],
    ["**bold** \\*star\\*", "bold *star*"],
    ["&lt;x@y&gt; &amp; z", "<x@y> & z"],
  ])("turns %s into %s", (markdown, text) => {
    expect(plain(markdown)).toBe(text);
  });
});
