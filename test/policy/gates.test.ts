/** Gates on AI-assisted PRs. */
import { describe, expect, it } from "@jest/globals";
import type { Gates } from "../../src/config/policy.js";
import type { ChangedFile, PullRequestFacts } from "../../src/facts.js";
import type { GateStatus } from "../../src/policy/decision.js";
import { aiCommit, commit, decide, facts, humanFacts, OLDER, policy } from "./factories.js";

const none: Gates = { forbidden_paths: [], required_checks: [], forbid_agent_signoff: false };
const file = (path: string, additions = 1, deletions = 0): ChangedFile => ({ path, additions, deletions });
const check = (name: string, status: "pending" | "completed", conclusion: string | null = null) => ({ name, kind: "check_run" as const, status, conclusion });

interface Row {
  sentence: string;
  gates: Partial<Gates>;
  facts: Partial<PullRequestFacts>;
  status: GateStatus;
  offenders?: string[];
  detail?: string;
}

const tests = { when_changed: ["src/**"], require_changed: ["test/**", "**/*.test.*"] };

const rows: Row[] = [
  { sentence: "max_changed_lines passes at the limit", gates: { max_changed_lines: 12 }, facts: {}, status: "passed" },
  { sentence: "max_changed_lines fails above it (additions + deletions)", gates: { max_changed_lines: 11 }, facts: {}, status: "failed", detail: "12 changed lines > 11 (largest: src/parser.ts (+10 −2))" },
  { sentence: "max_changed_files passes at the limit", gates: { max_changed_files: 2 }, facts: { files: [file("a"), file("b")] }, status: "passed" },
  { sentence: "max_changed_files fails above it", gates: { max_changed_files: 1 }, facts: { files: [file("a"), file("b")] }, status: "failed", detail: "2 changed files > 1" },
  { sentence: "forbidden_paths passes when nothing forbidden changed", gates: { forbidden_paths: [".github/workflows/**"] }, facts: {}, status: "passed" },
  {
    sentence: "forbidden_paths fails and names the offending file",
    gates: { forbidden_paths: [".github/workflows/**", "**/*.pem"] },
    facts: { files: [file("src/a.ts"), file(".github/workflows/ci.yml")] },
    status: "failed",
    offenders: [".github/workflows/ci.yml"],
    detail: "forbidden path .github/workflows/ci.yml",
  },
  {
    sentence: "forbidden_paths names every offending file",
    gates: { forbidden_paths: ["**/*.pem"] },
    facts: { files: [file("certs/a.pem"), file("src/a.ts"), file(".keys/b.pem")] },
    status: "failed",
    offenders: ["certs/a.pem", ".keys/b.pem"],
  },
  {
    sentence: "forbidden_paths catches a forbidden file moved away (old path of a rename)",
    gates: { forbidden_paths: ["secrets/**"] },
    facts: { files: [{ path: "public/key.txt", previousPath: "secrets/key.txt", additions: 0, deletions: 0 }] },
    status: "failed",
    offenders: ["secrets/key.txt"],
  },
  {
    sentence: "forbidden_paths ignores case: certs/SERVER.PEM is a **/*.pem",
    gates: { forbidden_paths: ["**/*.pem", ".GitHub/Workflows/**"] },
    facts: { files: [file("certs/SERVER.PEM"), file(".github/workflows/ci.yml"), file("src/a.ts")] },
    status: "failed",
    offenders: ["certs/SERVER.PEM", ".github/workflows/ci.yml"],
  },
  {
    sentence: "forbidden_paths_case_sensitive: true matches the case as written",
    gates: { forbidden_paths: ["**/*.pem"], forbidden_paths_case_sensitive: true },
    facts: { files: [file("certs/SERVER.PEM"), file("certs/ca.pem")] },
    status: "failed",
    offenders: ["certs/ca.pem"],
  },
  { sentence: "tests passes when no file that needs tests changed", gates: { tests }, facts: { files: [file("docs/readme.md")] }, status: "passed" },
  { sentence: "tests passes when source and a test changed", gates: { tests }, facts: { files: [file("src/a.ts"), file("lib/a.test.ts")] }, status: "passed" },
  { sentence: "tests fails when source changed without a test", gates: { tests }, facts: { files: [file("src/a.ts"), file("src/b.ts"), file("docs/x.md")] }, status: "failed", offenders: ["src/a.ts", "src/b.ts"] },
  { sentence: "forbid_agent_signoff passes with a human sign-off", gates: { forbid_agent_signoff: true }, facts: { commits: [aiCommit({ message: "Fix\n\nSigned-off-by: Dev <dev@example.com>\nCo-Authored-By: Claude <noreply@anthropic.com>" })] }, status: "passed" },
  {
    sentence: "forbid_agent_signoff fails on an agent's Signed-off-by and names the commit",
    gates: { forbid_agent_signoff: true },
    facts: { commits: [aiCommit(), commit({ sha: OLDER, message: "Fix\r\n\r\nsigned-off-by: Claude <noreply@anthropic.com>\r\n" })] },
    status: "failed",
    offenders: ["3f2a1c0 signed-off-by: Claude <noreply@anthropic.com> (claude-code)"],
  },
  { sentence: "required_checks passes when every check succeeded, was neutral or skipped", gates: { required_checks: ["build", "lint", "e2e"] }, facts: { checks: [check("build", "completed", "success"), check("lint", "completed", "neutral"), check("e2e", "completed", "skipped")] }, status: "passed" },
  { sentence: "required_checks is pending while a check runs", gates: { required_checks: ["build"] }, facts: { checks: [check("build", "pending")] }, status: "pending", offenders: ["build (pending)"] },
  { sentence: "required_checks is pending while a check has not reported yet", gates: { required_checks: ["build"] }, facts: { checks: [] }, status: "pending", offenders: ["build (not reported yet)"] },
  { sentence: "required_checks fails when a check did not succeed", gates: { required_checks: ["build", "test"] }, facts: { checks: [check("build", "completed", "success"), check("test", "completed", "timed_out")] }, status: "failed", offenders: ["test (timed_out)"] },
  { sentence: "required_checks fails even while another check is still pending", gates: { required_checks: ["build", "test"] }, facts: { checks: [check("build", "pending"), check("test", "completed", "failure")] }, status: "failed" },
];

describe("gates", () => {
  it.each(rows)("$sentence", (row) => {
    const decision = decide({ policy: policy({ gates: { ...none, ...row.gates } }), facts: facts(row.facts) });
    expect(decision.gates).toHaveLength(1);
    expect(decision.gates[0].status).toBe(row.status);
    if (row.offenders) expect(decision.gates[0].offenders).toEqual(row.offenders);
    if (row.detail) expect(decision.gates[0].detail).toBe(row.detail);
  });

  it("gates do not apply to human-only PRs", () => {
    const decision = decide({ policy: policy({ gates: { ...none, max_changed_lines: 1 } }), facts: humanFacts() });
    expect(decision.gates).toEqual([]);
  });

  it("unconfigured gates are not listed", () => {
    expect(decide({ policy: policy({ gates: none }) }).gates).toEqual([]);
  });

  it("a failed gate fails the check with the offender in the title", () => {
    const decision = decide({ policy: policy({ gates: { ...none, forbidden_paths: [".github/**"] } }), facts: facts({ files: [file(".github/workflows/ci.yml")] }) });
    expect(decision.conclusion).toBe("failure");
    expect(decision.title).toBe("Gate failed: forbidden path .github/workflows/ci.yml");
  });

  it("pending required checks keep the check in progress even while approvals are missing", () => {
    const decision = decide({ policy: policy({ gates: { ...none, required_checks: ["build"] } }) });
    expect(decision.conclusion).toBe("in_progress");
    expect(decision.title).toBe("Waiting for required checks: build (not reported yet)");
  });
});
