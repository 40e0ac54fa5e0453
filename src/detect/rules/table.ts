/**
 * Every rule that can raise a signal, with its confidence and the reason shown beside each
 * signal it raises. `declared`: the text says so. `identity`: a known or structurally
 * recognised agent account or address. `inferred`: a structural guess.
 */
import type { Confidence } from "../confidence.js";

export interface RuleInfo {
  confidence: Confidence;
  reason: string;
}

export const RULES = {
  "catalogue-identity": { confidence: "identity", reason: "an account, numeric id or e-mail of a catalogued agent (or of `detection.bots`)" },
  "configured-co-author": { confidence: "identity", reason: "a `Co-authored-by` identity matching `detection.co_authors`" },
  "catalogue-trailer": { confidence: "declared", reason: "a catalogued tool's own session or marker trailer" },
  "catalogue-footer": { confidence: "declared", reason: "a catalogued tool's footer line" },
  "catalogue-link": { confidence: "declared", reason: "a link only a catalogued agent produces (task, session, run)" },
  "aider-convention": { confidence: "declared", reason: "aider's author-name suffix or subject prefix" },
  "ai-trailer": { confidence: "declared", reason: "a disclosure trailer (`Assisted-by`, `Generated-by`, `Co-developed-by`, `AI-*`, …) whose value names an AI, or an AI key answered yes" },
  "ai-named-co-author": { confidence: "declared", reason: "a `Co-authored-by` whose name names an AI tool, model or vendor" },
  "generated-footer": { confidence: "declared", reason: "an emoji \"Generated with/by <tool>\" footer, or \"Generated/Made/Written with/by <X>\" where X names an AI" },
  "session-trailer": { confidence: "declared", reason: "a `<Tool>-Session`/`<Tool>-Thread-ID`-style trailer whose tool names an AI" },
  "session-trailer-unknown-tool": { confidence: "inferred", reason: "a `<Tool>-Session`/`-Thread-ID`/`-Task-ID` trailer holding a link or an id, tool not known" },
  "ai-named-identity": { confidence: "identity", reason: "an author or committer whose name names an AI tool or model (\"Claude Code\", \"Gemini\")" },
  "ai-bot-account": { confidence: "identity", reason: "a `[bot]` account named like an AI (`*-ai`, `*agent*`, a model or agent name)" },
  "agent-address": { confidence: "identity", reason: "an agent's own mailbox (`agent@`, `*-agent@`) outside code hosts and CI" },
  "machine-co-author": { confidence: "inferred", reason: "a `Co-authored-by` with a no-reply address of a domain that is not a code host or a person's" },
  "unknown-bot": { confidence: "inferred", reason: "a `[bot]` account that is neither a known agent nor known automation" },
  "escaped-trailer": { confidence: "declared", reason: "a trailer written with literal `\\n` escapes into the subject" },
  branch: { confidence: "declared", reason: "a head branch of a catalogued agent (`copilot/`, `codex/`, …) or matching `detection.branches`" },
  label: { confidence: "declared", reason: "a label from `detection.labels` applied by a person" },
  reviewer: { confidence: "identity", reason: "a review by a catalogued or recognised AI reviewer" },
} as const satisfies Record<string, RuleInfo>;

export type RuleName = keyof typeof RULES;
