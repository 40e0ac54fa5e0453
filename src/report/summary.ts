/**
 * The check run summary, one section per part of the decision, in the order a
 * reviewer reads it. AI signals come last: they are the longest part and the first cut.
 */
import type { PolicyError } from "../config/policy.js";
import type { Signal } from "../detect/types.js";
import type { Conclusion, Decision, GateResult, IgnoredApproval, IgnoredReason, RuleResult } from "../policy/decision.js";
import { describeUnread } from "../policy/verdict.js";
import { capped, code, CONCLUSION_ICON, details, escape, table } from "./markdown.js";

const ICON = CONCLUSION_ICON;
const RULE_ICON: Record<RuleResult["status"], string> = { met: "✅", waiting: "⏳", failed: "❌", "not-applicable": "➖" };
const GATE_ICON: Record<GateResult["status"], string> = { passed: "✅", pending: "🔄", failed: "❌" };
/** Why an approval was ignored, in a reviewer's words (the check run and the console say the same). */
export const REASON: Record<IgnoredReason, string> = {
  "pr-author": "PR author",
  "commit-author": "commit author",
  committer: "committer",
  "co-author": "co-author",
  bot: "bot",
  agent: "agent",
  stale: "stale",
  "not-in-team": "not eligible",
  "insufficient-permission": "insufficient permission",
  superseded: "superseded",
};
/** Gate details already name this many offenders; longer lists get their own. */
const OFFENDERS_IN_DETAIL = 3;
/** Above this many signal rows the table is folded. */
const SIGNALS_OPEN_LIMIT = 15;
const SIGNAL_ROWS_LIMIT = 1000;
const OFFENDERS_LIMIT = 50;
const IGNORED_LIMIT = 100;

const mention = (login: string) => `@${escape(login)}`;
const short = (sha: string | null) => (sha ? code(sha.slice(0, 7)) : "unknown commit");

export function summarySections(decision: Decision): string[] {
  return [
    verdictSection(decision),
    overrideSection(decision),
    unreadSection(decision),
    policyErrorsSection(decision),
    rulesSection(decision.rules),
    ignoredSection(decision.rules),
    gatesSection(decision.gates),
    agentsSection(decision),
    policySourceSection(decision),
    signalsSection(decision),
  ].filter((section) => section !== "");
}

function verdictSection(decision: Decision): string {
  const { detection } = decision;
  const ai = detection.aiAssisted
    ? `**AI-assisted**${detection.agents.length > 0 ? ` — agents: ${detection.agents.map(code).join(", ")}` : ""}; autonomy tier **${escape(decision.tier)}**.`
    : "**No AI involvement detected.**";
  return `## ${ICON[decision.conclusion]} ${escape(decision.title)}\n\n${ai} Head commit ${short(decision.headSha)}.`;
}

function overrideSection({ override }: Decision): string {
  if (!override) return "";
  return override.applied
    ? `> [!WARNING]\n> **Overridden**: ${escape(override.detail)}. Every other result below is still shown.`
    : `> [!NOTE]\n> ${escape(override.detail)}.`;
}

function unreadSection({ unread }: Decision): string {
  if (!unread?.length) return "";
  const lines = unread.map((part) => `- ${describeUnread(part)}: the rest was never judged (detection, gates and rules saw only what was listed).`);
  const advice = "The check blocks until every commit and file can be read: split the pull request into smaller ones.";
  return `### Not read in full\n\n${lines.join("\n")}\n\n${advice}`;
}

function errorLine(error: PolicyError): string {
  return `- ${code(`${error.file}:${error.line}:${error.column}`)} ${escape(error.message)}`;
}

function policyErrorsSection({ policyErrors }: Decision): string {
  if (policyErrors.length === 0) return "";
  const { shown, more } = capped(policyErrors, IGNORED_LIMIT);
  const lines = shown.map(errorLine);
  if (more > 0) lines.push(`- … and ${more} more errors`);
  return `### Policy errors\n\n${lines.join("\n")}`;
}

function rulesSection(rules: readonly RuleResult[]): string {
  if (rules.length === 0) return "### Rules\n\nNo rule applies.";
  const applicable = rules.filter((rule) => rule.status !== "not-applicable");
  const skipped = rules.filter((rule) => rule.status === "not-applicable");
  const parts = ["### Rules"];
  if (applicable.length > 0) {
    const rows = applicable.map((rule) => [
      `${RULE_ICON[rule.status]} ${escape(rule.name)}`,
      rule.status,
      rule.status === "met"
        ? rule.required === 0
          ? "reports only"
          : `${rule.counted.length}/${rule.required}`
        : escape(rule.needs),
      rule.eligible.map(escape).join(", "),
      rule.counted.length > 0 ? rule.counted.map((record) => mention(record.login)).join(", ") : "—",
    ]);
    parts.push(table(["Rule", "Status", "Needs", "Who can satisfy", "Approved by"], rows));
  } else {
    parts.push("No rule applies to this pull request.");
  }
  const why = rules.map((rule) => `- **${escape(rule.name)}** (${rule.status}): ${rule.why.map(escape).join("; ") || "always"}`);
  const title = skipped.length > 0 ? `Why each rule applies (${skipped.length} not applicable)` : "Why each rule applies";
  parts.push(details(title, why.join("\n")));
  return parts.join("\n\n");
}

function ignoredSection(rules: readonly RuleResult[]): string {
  // The same ignored approval shows under every rule it was ignored by; list it once.
  const seen = new Map<string, { ignored: IgnoredApproval; rules: string[] }>();
  for (const rule of rules) {
    for (const ignored of rule.ignored) {
      const key = `${ignored.login}\u0000${ignored.reason}\u0000${ignored.detail}`;
      const entry = seen.get(key) ?? { ignored, rules: [] };
      entry.rules.push(rule.name);
      seen.set(key, entry);
    }
  }
  if (seen.size === 0) return "";
  const { shown, more } = capped([...seen.values()], IGNORED_LIMIT);
  const lines = shown.map(({ ignored, rules: names }) => {
    const forRules = ignored.reason === "not-in-team" || ignored.reason === "insufficient-permission" ? ` (rule ${names.map(escape).join(", ")})` : "";
    return `- ${mention(ignored.login)} — ${REASON[ignored.reason]}: ${escape(ignored.detail)}${forRules}`;
  });
  if (more > 0) lines.push(`- … and ${more} more`);
  return `### Approvals that did not count\n\n${lines.join("\n")}`;
}

function gatesSection(gates: readonly GateResult[]): string {
  if (gates.length === 0) return "";
  const rows = gates.map((gate) => [`${GATE_ICON[gate.status]} ${escape(gate.name)}`, gate.status, escape(gate.detail)]);
  const parts = ["### Gates", table(["Gate", "Status", "Detail"], rows)];
  for (const gate of gates) {
    if (gate.status !== "failed" || gate.offenders.length <= OFFENDERS_IN_DETAIL) continue;
    const { shown, more } = capped(gate.offenders, OFFENDERS_LIMIT);
    const lines = shown.map((offender) => `- ${escape(offender)}`);
    if (more > 0) lines.push(`- … and ${more} more`);
    parts.push(`**${escape(gate.name)}** offenders:\n\n${lines.join("\n")}`);
  }
  return parts.join("\n\n");
}

function agentsSection({ agents }: Decision): string {
  if (agents.length === 0) return "";
  const lines = agents.map((agent) => {
    const demoted = agent.demotedUntil ? `; demoted after a revert until ${escape(agent.demotedUntil)}` : "";
    // windowDays 0 means the policy has no `autonomy` section: there is no record to show.
    if (agent.windowDays === 0) return `- ${code(agent.agent)}: ${escape(agent.tier)} (the policy sets no autonomy tiers)`;
    return `- ${code(agent.agent)}: ${escape(agent.tier)} — ${agent.merged} merged, ${agent.reverted} reverted in ${agent.windowDays} days${demoted}`;
  });
  return `### Agents\n\n${lines.join("\n")}`;
}

function policySourceSection({ policySource, policyWarnings }: Decision): string {
  const lines = [`### Policy\n\n${escape(policySource.description)} (${policySource.kind})`];
  if (policyWarnings && policyWarnings.length > 0) {
    const { shown, more } = capped(policyWarnings, IGNORED_LIMIT);
    lines.push(`Warnings:\n\n${shown.map(errorLine).join("\n")}${more > 0 ? `\n- … and ${more} more` : ""}`);
  }
  return lines.join("\n\n");
}

function signalRow(where: string, signal: Signal): string[] {
  const confidence = signal.counted ? signal.confidence : `${signal.confidence} (not counted)`;
  return [where, escape(confidence), code(signal.rule), code(signal.agent), escape(signal.detail)];
}

function signalsSection({ detection }: Decision): string {
  const rows: string[][] = detection.pullRequestSignals.map((signal) => signalRow("pull request", signal));
  let quiet = 0;
  for (const commit of detection.commits) {
    if (commit.signals.length === 0) quiet++;
    for (const signal of commit.signals) rows.push(signalRow(short(commit.sha), signal));
  }
  if (rows.length === 0) return `### AI signals\n\nNone in ${detection.commits.length} commits.`;
  const { shown, more } = capped(rows, SIGNAL_ROWS_LIMIT);
  let body = table(["Where", "Confidence", "Rule", "Agent", "Detail"], shown);
  if (more > 0) body += `\n\n… and ${more} more signals.`;
  if (quiet > 0) body += `\n\n${quiet} of ${detection.commits.length} commits carry no AI signal.`;
  const heading = `${rows.length} signal${rows.length === 1 ? "" : "s"} in ${detection.commits.length - quiet} of ${detection.commits.length} commits`;
  return rows.length > SIGNALS_OPEN_LIMIT
    ? `### AI signals\n\n${details(heading, body)}`
    : `### AI signals\n\n${heading}\n\n${body}`;
}
