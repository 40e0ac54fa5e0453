/**
 * Trailer keys that agents and projects use to disclose AI help, beyond the catalogue's own:
 *
 * - disclosure keys whose value must name an AI: `Assisted-by: Crush:qwen3.7-max`,
 *   `Co-developed-by: Claude Code`, `Made-with: Windsurf`, `Agent: Kiro`, `Model: GPT-5`;
 *   curl's `Assisted-by: <person>` and a Rails `Model: User` are not signals;
 * - keys that say AI themselves (`AI-Assisted: yes`, `LLM-Used: partially`): an affirmative
 *   answer counts, "no"/"none" and template text do not;
 * - any `…-by` key whose value names an AI (`Helped-by: GitHub Copilot`), except the review
 *   and report keys, which credit whoever looked at the change, not who wrote it;
 * - session and thread keys of a tool (`Kimi-Session-Id`, `Warp-Thread-ID`): declared when
 *   the tool names an AI, inferred when the tool is unknown and the value is a link or an id.
 */
import { aiNamedByName, keyNamesAi, nameWords } from "../ai-names.js";
import { classifyBot } from "./bot-account.js";

/**
 * Keys whose value, when it names an AI, discloses AI help, beyond `detection.trailers`
 * (whose defaults — `Assisted-by`, `Generated-by`, `AI-Assisted` — a policy may drop, as a
 * project that credits people with `Assisted-by` would).
 */
export const DISCLOSURE_KEYS: ReadonlySet<string> = new Set([
  "co-developed-by", "made-with", "created-with", "built-with",
  "written-with", "generated-with", "developed-with", "coded-with", "assisted-with", "agent",
  "coding-agent", "ai-agent", "ai-model", "ai-tool", "llm-model", "ai-generated", "authored-by",
  "written-by", "helped-by", "suggested-by",
]);

/** `…-by` keys that credit a reviewer, reporter or tester: never authorship (and the defaults above). */
const NOT_AUTHORSHIP = new Set(["assisted-by", "generated-by", "ai-assisted", "found-by", "discovered-by", "inspired-by", "thanks-by", "reviewed-by", "reported-by", "acked-by", "tested-by", "requested-by", "approved-by", "cc", "bisected-by", "merged-by", "triaged-by", "signed-off-by", "co-authored-by"]);

/**
 * Whether a disclosure key's value may name an AI. A bare `Agent:` line may be prose about a
 * component ("Agent: fix Gemini streaming"), so it counts only as a short name.
 */
export function disclosureValueFits(key: string, value: string): boolean {
  return key !== "agent" || value.split(/\s+/).length <= 4;
}

export function isDisclosureKey(key: string): boolean {
  if (NOT_AUTHORSHIP.has(key)) return false;
  return DISCLOSURE_KEYS.has(key) || keyNamesAi(key) || key.endsWith("-by");
}

const SESSION_KEY = /^([a-z][a-z0-9]*(?:-[a-z0-9]+)*?)-(session|session-id|session-url|sessions|thread|thread-id|thread-url|conversation|conversation-id|conversation-url|task-id|task-url|run-id|run-url|logs-url|log-url|trace-url)$/;
/** Prefixes of human session keys (pairing, meetings, chats between people). */
const HUMAN_SESSIONS = new Set(["pair", "pairing", "mob", "mobbing", "review", "meeting", "meet", "zoom", "teams", "slack", "discord", "zulip", "discourse", "tmux", "screen", "ssh", "debug", "jira", "linear", "asana", "github", "gitlab", "email", "mail", "irc", "matrix", "forum", "user", "support", "sentry", "ci", "build", "test"]);
const ID_VALUE = /^(?:https?:\/\/\S+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[A-Za-z]{0,8}[-_]?[0-9A-Za-z]{16,})$/i;

export interface SessionKeyHit {
  /** The tool the key names ("kimi"), or null when unknown. */
  tool: string | null;
  agent: string | null;
}

export function sessionKey(key: string, value: string): SessionKeyHit | null {
  const match = SESSION_KEY.exec(key);
  if (!match) return null;
  const prefix = match[1];
  const named = aiNamedByName(prefix.replace(/-/g, " "));
  if (named) return { tool: prefix, agent: named.agent };
  if (classifyBot(prefix).kind === "ai") return { tool: prefix, agent: null };
  if (nameWords(prefix).some((word) => HUMAN_SESSIONS.has(word))) return null;
  if (!match[2].startsWith("session") || !ID_VALUE.test(value.trim())) return null;
  return { tool: null, agent: null };
}
