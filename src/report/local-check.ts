/**
 * The two renderings of a local `check`: the stable `--json` object and the
 * human summary. Locally there are no approvals and no CI, so "waiting" rules and pending
 * gates describe what the pull request will need rather than what blocks it now.
 */
import { POLICY_FILE, type PolicyBlob, type PolicyError } from "../config/policy.js";
import type { Signal } from "../detect/types.js";
import type { PullRequestFacts } from "../facts.js";
import type { Decision, GateResult } from "../policy/decision.js";
import { formatPolicyError } from "./policy-error.js";

/** The organisation default as `check` knows it: read (`blob` null: GitHub says there is none), or not read and why. */
export type OrganizationDefault = { read: true; blob: PolicyBlob | null } | { read: false; why: string };

/** What `check` knows besides the decision: the refs compared and which policy files it read. */
export interface CheckContext {
  base: { ref: string; sha: string };
  /** False when the base's policy is invalid; true means any policy error is the branch's new file. */
  baseValid: boolean;
  /** Undefined when the organisation default does not matter (the base's file does not extend it). */
  organization?: OrganizationDefault;
}

export type CheckVerdict = "ready" | "needs-approval" | "blocked";

/** The `--json` output. Field names are a public contract (README): add, never rename. */
export interface CheckReport {
  verdict: CheckVerdict;
  base: { ref: string; sha: string };
  head: { ref: string; sha: string };
  ai_assisted: boolean;
  agents: string[];
  commits: { sha: string; ai_assisted: boolean; agents: string[]; signals: Signal[] }[];
  rules: { name: string; status: string; needs: string }[];
  gates: { name: string; status: string; detail: string }[];
  policy: {
    source: string;
    errors: PolicyError[];
    /** "read", "none" (read: the organisation has none), "not read: why", or "not needed". */
    organization_default: string;
  };
}

/** What stays pending locally: required checks run in CI, not on this machine. */
const PENDING_LOCALLY = "runs in CI";

export function checkVerdict(decision: Decision): CheckVerdict {
  if (blocksBeyondApprovals(decision)) return "blocked";
  return decision.rules.some((rule) => rule.status === "waiting") ? "needs-approval" : "ready";
}

function organizationState(organization: OrganizationDefault | undefined): string {
  if (organization === undefined) return "not needed";
  if (!organization.read) return `not read: ${organization.why}`;
  return organization.blob === null ? "none" : "read";
}

export function checkReport(decision: Decision, facts: PullRequestFacts, context: CheckContext): CheckReport {
  const { detection } = decision;
  return {
    verdict: checkVerdict(decision),
    base: { ref: context.base.ref, sha: context.base.sha },
    head: { ref: facts.headRef, sha: facts.headSha },
    ai_assisted: detection.aiAssisted,
    agents: detection.agents,
    commits: detection.commits.map((commit) => ({
      sha: commit.sha,
      ai_assisted: commit.aiAssisted,
      agents: commit.agents,
      signals: commit.signals.map(({ kind, agent, strength, detail, confidence, rule, counted }) => ({ kind, agent, strength, detail, confidence, rule, counted })),
    })),
    rules: decision.rules.map(({ name, status, needs }) => ({ name, status, needs })),
    gates: decision.gates.map((gate) => ({ name: gate.name, status: gate.status, detail: gateDetail(gate) })),
    policy: {
      source: decision.policySource.description,
      errors: decision.policyErrors,
      organization_default: organizationState(context.organization),
    },
  };
}

/** True when something beyond approvals would block the pull request: an invalid policy
 * (the base's or the branch's new one), a failed gate, or a failed rule. */
export function blocksBeyondApprovals(decision: Decision): boolean {
  return (
    decision.policyErrors.length > 0 ||
    decision.gates.some((gate) => gate.status === "failed") ||
    decision.rules.some((rule) => rule.status === "failed")
  );
}

export function renderCheckText(decision: Decision, facts: PullRequestFacts, context: CheckContext, warnings: PolicyError[] = []): string {
  const { detection } = decision;
  const base = context.base.ref;
  const organization = context.organization;
  const lines = [
    `${facts.headRef} → ${base}: ${count(facts.commits.length, "commit")}, ${count(facts.files.length, "changed file")}`,
    policyLine(decision, base, organization),
    ...(organization && !organization.read
      ? [`note: the organisation default was not read (${organization.why}); it may add to or replace what is shown`]
      : []),
    verdict(decision, context.baseValid),
  ];

  if (decision.policyErrors.length > 0) {
    const heading = context.baseValid ? `errors in this branch's new ${POLICY_FILE} (it would not take effect):` : "policy errors:";
    lines.push("", heading, ...decision.policyErrors.map((error) => `  ${formatPolicyError(error)}`));
  }

  if (warnings.length > 0) {
    lines.push("", "policy warnings:", ...warnings.map((warning) => `  ${formatPolicyError(warning)}`));
  }

  const subjects = new Map(facts.commits.map((commit) => [commit.sha, commit.message.split(/\r?\n/, 1)[0]]));
  const aiCommits = detection.commits.filter((commit) => commit.aiAssisted);
  if (detection.pullRequestSignals.length > 0 || aiCommits.length > 0) {
    lines.push("", `AI signals (${detection.agents.join(", ") || "no agent named"}):`);
    if (detection.pullRequestSignals.length > 0) {
      lines.push("  pull request", ...detection.pullRequestSignals.map(signalLine));
    }
    for (const commit of aiCommits) {
      lines.push(`  ${commit.sha.slice(0, 7)} ${subjects.get(commit.sha) ?? ""}`, ...commit.signals.map(signalLine));
    }
  }

  const applicable = decision.rules.filter((rule) => rule.status !== "not-applicable");
  lines.push("", applicable.length > 0 ? "rules it will need:" : "rules: none applies");
  for (const rule of applicable) lines.push(`  ${pad(rule.status)} ${rule.name}${rule.needs ? ` — ${rule.needs}` : ""}`);

  if (decision.gates.length > 0) {
    lines.push("", "gates:");
    for (const gate of decision.gates) {
      // Offenders the detail already names are not repeated; the rest are listed below it,
      // so the detail's "and N more" would announce a list that follows anyway.
      const unnamed = gate.status === "failed" ? gate.offenders.filter((offender) => !gate.detail.includes(offender)) : [];
      const detail = unnamed.length > 0 ? gateDetail(gate).replace(/ and \d+ more\b/, ", and:") : gateDetail(gate);
      lines.push(`  ${pad(gate.status)} ${gate.name} — ${detail}`);
      lines.push(...unnamed.map((offender) => `           ${offender}`));
    }
  }
  return `${lines.join("\n")}\n`;
}

function policyLine(decision: Decision, base: string, organization: OrganizationDefault | undefined): string {
  const { kind, description } = decision.policySource;
  if (kind === "built-in") return `policy: built-in default (${base} has no ${POLICY_FILE}${organization?.read ? " and the organisation has no default" : ""})`;
  if (kind === "organization") return `policy: ${description}, the organisation default (${base} has no ${POLICY_FILE})`;
  return `policy: ${description} as committed on ${base}`;
}

function verdict(decision: Decision, baseValid: boolean): string {
  const ai = decision.detection.aiAssisted ? `AI-assisted (${decision.detection.agents.join(", ") || "unknown agent"})` : "not AI-assisted";
  const failedGates = decision.gates.filter((gate) => gate.status === "failed").map((gate) => gate.name);
  const failedRules = decision.rules.filter((rule) => rule.status === "failed").map((rule) => rule.name);
  const waiting = decision.rules.filter((rule) => rule.status === "waiting").map((rule) => rule.name);
  if (decision.policyErrors.length > 0) {
    return `verdict: BLOCKED — ${ai}; ${baseValid ? `this branch's new ${POLICY_FILE} is invalid` : "the policy is invalid"}`;
  }
  if (failedGates.length > 0) return `verdict: BLOCKED — ${ai}; failing gate${failedGates.length > 1 ? "s" : ""}: ${failedGates.join(", ")}`;
  if (failedRules.length > 0) return `verdict: BLOCKED — ${ai}; failed: ${failedRules.join(", ")}`;
  if (waiting.length > 0) return `verdict: needs approval — ${ai}; waiting for: ${waiting.join(", ")}`;
  return `verdict: ready — ${ai}; nothing would block`;
}

function gateDetail(gate: GateResult): string {
  if (gate.status !== "pending") return gate.detail;
  // Offenders read "build (not reported yet)": locally that is always so, keep the names.
  const names = gate.offenders.map((offender) => offender.replace(/ \([^()]*\)$/, ""));
  return `pending: ${PENDING_LOCALLY}${names.length > 0 ? ` (${names.join(", ")})` : ""}`;
}

function signalLine(signal: Signal): string {
  const counted = signal.counted ? "" : " (not counted)";
  return `    ${signal.confidence} · ${signal.rule} · ${signal.agent}: ${signal.detail}${counted}`;
}

function pad(status: string): string {
  return status.padEnd(8);
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
