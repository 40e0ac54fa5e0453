/** The check run is a rendering of the decision within GitHub's limits. */
import { describe, expect, it } from "@jest/globals";
import type { Decision, PolicyAnnotation } from "../../src/policy/decision.js";
import { fitSummary, renderCheckRun, SUMMARY_LIMIT } from "../../src/report/check-run.js";
import { actor, aiCommit, commit, decide, facts, humanFacts, OLDER, policy, review, rule } from "../policy/factories.js";
import { decisionTitle } from "../../src/report/reasons.js";

const seniors = rule({ name: "senior approval", require: { approvals: 1, from: { teams: ["senior-engineers"], users: [] } } });

describe("check run status and conclusion", () => {
  const rows: { sentence: string; decision: Decision; status: string; conclusion: string | undefined }[] = [
    { sentence: "waiting for approvals is action_required", decision: decide(), status: "completed", conclusion: "action_required" },
    { sentence: "a pass is success", decision: decide({ facts: humanFacts() }), status: "completed", conclusion: "success" },
    { sentence: "changes requested is failure", decision: decide({ facts: facts({ reviews: [review("bob", "CHANGES_REQUESTED")] }) }), status: "completed", conclusion: "failure" },
    {
      sentence: "pending required checks leave the run in progress without a conclusion",
      decision: decide({ policy: policy({ gates: { forbidden_paths: [], required_checks: ["build"], forbid_agent_signoff: false } }) }),
      status: "in_progress",
      conclusion: undefined,
    },
  ];
  it.each(rows)("$sentence", (row) => {
    const output = renderCheckRun(row.decision);
    expect([output.status, output.conclusion]).toEqual([row.status, row.conclusion]);
    expect(output.title).toBe(decisionTitle(row.decision));
  });
});

describe("summary content", () => {
  const decision = decide({
    policy: policy({ rules: [seniors, rule({ name: "any writer" })], gates: { forbidden_paths: ["**/*.pem"], required_checks: [], forbid_agent_signoff: false } }),
    facts: facts({
      commits: [aiCommit({ message: "Fix\n\nCo-authored-by: Carol <7+carol@users.noreply.github.com>\nCo-Authored-By: Claude <noreply@anthropic.com>" })],
      files: [{ path: "certs/key.pem", additions: 1, deletions: 0 }],
      reviews: [review("carol", "APPROVED"), review("alice", "APPROVED", { on: OLDER }), review("renovate", "APPROVED", { bot: true })],
    }),
    trust: { agents: { "claude-code": { agent: "claude-code", tier: "established", merged: 14, reverted: 0, windowDays: 90 } } },
  });
  const summary = renderCheckRun(decision).summary;

  it("opens with the verdict line", () => {
    expect(summary.split("\n")[0]).toBe(`## ❌ ${decisionTitle(decision)}`);
  });

  it("has a rules table saying who can satisfy each rule", () => {
    expect(summary).toContain("| Rule | Status | Needs | Who can satisfy | Approved by |");
    expect(summary).toMatch(/\| ⏳ senior approval \| waiting \| 1 approval from @acme\/senior-engineers \| @acme\/senior-engineers \| — \|/);
  });

  it("lists each ignored approval once with its reason", () => {
    expect(summary.match(/@carol — co-author/g)).toHaveLength(1);
    expect(summary).toContain("@alice — stale: approved 3f2a1c0, head is 9b8e7d6");
    expect(summary).toContain("@renovate — bot");
  });

  it("lists the gates and names the offending files", () => {
    expect(summary).toContain("| ❌ forbidden\\_paths | failed | forbidden path certs/key.pem |");
  });

  it("lists the agents with their tier and record (autonomy off: new)", () => {
    expect(summary).toContain("<code>claude-code</code>: new — 14 merged, 0 reverted in 90 days");
  });

  it("names the policy source", () => {
    expect(summary).toContain("acme/api/.agent-governance.yml@main (repository)");
  });

  it("lists the AI signals per commit with short SHA, confidence, rule and escaped detail", () => {
    expect(summary).toContain("| <code>9b8e7d6</code> | identity | <code>catalogue-identity</code> | <code>claude-code</code> | Co-Authored-By: Claude &lt;noreply@anthropic.com&gt; |");
  });

  it("escapes table-breaking characters from the policy", () => {
    const piped = renderCheckRun(decide({ policy: policy({ rules: [rule({ name: "a | b" })] }) })).summary;
    expect(piped).toContain("| ⏳ a \\| b | waiting |");
  });

  it("says so when an override label is ignored", () => {
    const ignored = decide({
      policy: policy({ override: { label: "governance-override", by: { teams: ["incident-commanders"], users: [] } } }),
      facts: facts({ labels: [{ name: "governance-override", appliedBy: actor("alice") }] }),
    });
    expect(renderCheckRun(ignored).summary).toContain("override label governance-override applied by @alice who is not in @acme/incident-commanders; ignored");
  });

  it("lists every offender of a gate when the detail cannot name them all", () => {
    const files = ["a", "b", "c", "d", "e"].map((name) => ({ path: `certs/${name}.pem`, additions: 1, deletions: 0 }));
    const many = renderCheckRun(decide({ policy: policy({ gates: { forbidden_paths: ["**/*.pem"], required_checks: [], forbid_agent_signoff: false } }), facts: facts({ files }) })).summary;
    expect(many).toContain("**forbidden\\_paths** offenders:\n\n- certs/a.pem\n- certs/b.pem\n- certs/c.pem\n- certs/d.pem\n- certs/e.pem");
  });

  it("an applied override is loud and keeps everything else", () => {
    const overridden = decide({
      policy: policy({ override: { label: "governance-override", by: { teams: ["incident-commanders"], users: [] } } }),
      facts: facts({ labels: [{ name: "governance-override", appliedBy: actor("ivy") }], directory: { teams: { "acme/incident-commanders": ["ivy"] }, permissions: {} } }),
    });
    const summary = renderCheckRun(overridden).summary;
    expect(summary).toContain("## ✅ Overridden by @ivy");
    expect(summary).toContain("> [!WARNING]");
    expect(summary).toContain("| ⏳ AI approval | waiting |");
  });

  it("a human-only PR says no AI involvement was detected", () => {
    expect(renderCheckRun(decide({ facts: humanFacts() })).summary).toContain("**No AI involvement detected.**");
  });
});

describe("AI signals folding", () => {
  const commits = (n: number) => Array.from({ length: n }, (_, i) => aiCommit({ sha: i.toString(16).padStart(40, "a") }));

  it("shows a few signals openly", () => {
    expect(renderCheckRun(decide({ facts: facts({ commits: commits(3) }) })).summary).not.toContain("<details><summary>3 signals");
  });

  it("folds many signals into <details>", () => {
    const summary = renderCheckRun(decide({ facts: facts({ commits: [...commits(20), commit({ sha: OLDER })] }) })).summary;
    expect(summary).toContain("<details><summary>20 signals in 20 of 21 commits</summary>");
    expect(summary).toContain("1 of 21 commits carry no AI signal.");
  });
});

describe("GitHub limits", () => {
  it("caps the summary at 65 535 characters with a truncation note", () => {
    const long = "x".repeat(180);
    const many = Array.from({ length: 900 }, (_, i) => aiCommit({ sha: i.toString(16).padStart(40, "b"), message: `Fix\n\nCo-Authored-By: Claude ${long}${i} <noreply@anthropic.com>` }));
    const summary = renderCheckRun(decide({ facts: facts({ commits: many }) })).summary;
    expect(summary.length).toBeLessThanOrEqual(SUMMARY_LIMIT);
    expect(summary).toMatch(/\*\*Summary truncated\*\*: \d+ characters left out/);
  });

  it("closes an open <details> when it cuts inside one", () => {
    const text = `head\n<details><summary>s</summary>\n${"row\n".repeat(100)}</details>`;
    const cut = fitSummary(text, 200);
    expect(cut.length).toBeLessThanOrEqual(200);
    expect(cut.split("<details>").length).toBe(cut.split("</details>").length);
  });

  it("leaves a summary within the limit untouched", () => {
    expect(fitSummary("short", 200)).toBe("short");
  });

  it("passes every annotation on; the adapter sends them 50 at a time", () => {
    const annotations: PolicyAnnotation[] = Array.from({ length: 120 }, (_, i) => ({ about: "policy", path: ".agent-governance.yml", start_line: i + 1, end_line: i + 1, message: `error ${i}` }));
    expect(renderCheckRun({ ...decide(), annotations }).annotations).toHaveLength(120);
  });

  it("words each annotation's title by the file it is about", () => {
    const place = { path: ".agent-governance.yml", start_line: 2, end_line: 2, message: "bad" };
    const rendered = renderCheckRun({ ...decide(), annotations: [{ about: "policy", ...place }, { about: "proposal", ...place }] }).annotations;
    expect(rendered).toEqual([
      { ...place, annotation_level: "failure", title: "Policy is invalid" },
      { ...place, annotation_level: "failure", title: "The new policy is invalid" },
    ]);
  });
});
