/**
 * Does a name or a trailer value name an AI tool, model or agent?
 *
 * The same keys credit people — curl has written `Assisted-by: <person>` for years — so a
 * value counts only when it *starts* with a tool, model or vendor name ("Claude:claude-3-opus",
 * "GitHub Copilot", "ChatGPTv5", "Codex (GPT-5.5)") or carries a model id anywhere
 * ("generic LLM chatbot", "GLM-5 via Crush"). Names that are also first names (Claude, Devin,
 * Jules, Kimi) need a qualifier — a model, a version, "Code", "AI", a colon; names that are
 * also words (Crush, Continue, Amp) may stand alone as the whole value. "Claude Monet" and
 * "Devin Carr" stay people; "Claude Fable 5", "Devin AI" and a bare "Crush" do not.
 */
import { CATALOG } from "./catalog.js";
import { parseIdentity } from "./trailers.js";
import { AUTOMATION_WORDS, MODEL_FAMILIES, MODEL_TOKEN, QUALIFIERS, type Ambiguity } from "./vocabulary.js";

/** Agent id for a model or vendor that is not one catalogued tool. */
export const UNKNOWN_AI = "unknown-ai";

interface KnownName {
  agent: string;
  ambiguous?: Ambiguity;
  vendor?: boolean;
}

const known = new Map<string, KnownName>();
for (const agent of CATALOG) {
  for (const n of agent.names) known.set(squash(n.name), { agent: agent.id, ambiguous: n.ambiguous });
}
for (const n of MODEL_FAMILIES) {
  if (!known.has(squash(n.name))) known.set(squash(n.name), { agent: UNKNOWN_AI, ambiguous: n.ambiguous, vendor: n.vendor });
}

// Longest first so that "Claude Code" wins over "Claude". ChatGPT and GPT may be glued to
// a version ("ChatGPTv5", "GPT4o"); every other name must end at a non-letter.
const LEADING_NAME = new RegExp(
  `^(?:the\\s+)?(${[...known.keys()]
    .sort((a, b) => b.length - a.length)
    .map((name) => name.split(" ").map(escapeRegExp).join("[\\s_-]+"))
    .map((pattern) => (/^(chatgpt|gpt)$/.test(pattern) ? pattern : `${pattern}(?![\\p{L}])`))
    .join("|")})`,
  "iu",
);

function squash(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_-]+/g, " ");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Words of a name, lower case, split on anything that is not a letter or digit. */
export function nameWords(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word !== "");
}

/** True when any word (or two-word pair, "pre-commit") of the text marks automation. */
export function namesAutomation(text: string): boolean {
  const words = nameWords(text);
  return words.some((word, i) => AUTOMATION_WORDS.has(word) || (i > 0 && AUTOMATION_WORDS.has(`${words[i - 1]}-${word}`)));
}

function qualified(rest: string): boolean {
  if (rest === "") return false;
  // "Claude:claude-3-opus", "Claude/opus", "Claude-3": a model id follows.
  if (/^[:/-]\s*\S/.test(rest)) return true;
  for (const word of rest.split(/[\s,;()]+/)) {
    if (/\d/.test(word)) return true;
    if (QUALIFIERS.has(word.replace(/[^\p{L}]/gu, "").toLowerCase())) return true;
    if (LEADING_NAME.test(word) && !known.get(squash(LEADING_NAME.exec(word)?.[1] ?? ""))?.ambiguous) return true;
  }
  return false;
}

export interface AiNaming {
  /** Catalogue id, or "unknown-ai" for a model or vendor. */
  agent: string;
  /** The words that named it. */
  name: string;
}

/**
 * The AI a name names ("Codex (GPT-5.5)", "Claude Opus 5", "OpenHands-GPT-5"), or null.
 * `asAuthor`: the name of a commit's author or committer, where a bare word ("Crush") or a
 * vendor ("OpenAI", whose release automation commits under that name) is not enough.
 */
export function aiNamedByName(name: string, asAuthor = false): AiNaming | null {
  const text = name.trim().replace(/^[[*_`"']+|[\]*_`"'.!]+$/g, "").trim();
  if (text === "") return null;
  const leading = LEADING_NAME.exec(text);
  if (leading) {
    const entry = known.get(squash(leading[1]));
    const rest = text.slice(leading[0].length).trim();
    const bare = entry?.ambiguous === "word" && rest === "" && !asAuthor;
    if (entry && !(asAuthor && entry.vendor) && (!entry.ambiguous || qualified(rest) || bare)) {
      return { agent: entry.agent, name: leading[1] };
    }
  }
  const token = MODEL_TOKEN.exec(text);
  if (token) {
    const agent = token[1].toLowerCase().startsWith("claude-") ? "claude-code" : UNKNOWN_AI;
    return { agent, name: token[1] };
  }
  return null;
}

/** The AI a trailer value names, or null when it credits a person (or nothing). */
export function aiNamedBy(value: string): AiNaming | null {
  return aiNamedByName(parseIdentity(value).name);
}

/**
 * The AI a git identity's *name* names ("Claude Code", "Gemini", "Kiro Agent"), unless the
 * name or address says automation ("gemini-cli-robot", "Release Bot").
 */
export function aiNamedIdentity(name: string, email: string, asAuthor: boolean): AiNaming | null {
  if (namesAutomation(name) || namesAutomation(email.split("@")[0] ?? "")) return null;
  return aiNamedByName(name, asAuthor) ?? vendorProduct(name, email);
}

/**
 * "Mistral Vibe <vibe@mistral.ai>": a name that starts with a vendor or model word which is
 * also an ordinary word, at that vendor's own domain. A person's name never starts with
 * "Mistral" at mistral.ai; people there sign with their own names.
 */
function vendorProduct(name: string, email: string): AiNaming | null {
  const leading = LEADING_NAME.exec(name.trim());
  const entry = leading ? known.get(squash(leading[1])) : undefined;
  if (!leading || !entry || entry.ambiguous !== "word") return null;
  const domain = email.slice(email.lastIndexOf("@") + 1).toLowerCase().split(".");
  const word = squash(leading[1]).replace(/ /g, "");
  return domain.slice(0, -1).includes(word) ? { agent: entry.agent, name: leading[1] } : null;
}

/** A configured key such as `AI-Assisted` declares AI by itself: its value may just be "yes". */
export function keyNamesAi(key: string): boolean {
  return key
    .toLowerCase()
    .split("-")
    .some((part) => part === "ai" || part === "llm" || part === "genai");
}

/** "AI-Assisted: no", "AI-Usage: none", "No AI was used" declare the opposite. */
export function isNegative(value: string): boolean {
  return /^(?:no|none|not|never|false|n\/?a|nil|null|0|-+|—)(?:$|[\s.,;:!])/i.test(value.trim());
}

/** "yes", "true", "partially": an affirmative answer to a key that itself says AI. */
export function isAffirmative(value: string): boolean {
  return /^(?:\[[xX]\]\s*)?(?:yes|y|true|1|partly|partially|mostly|fully|heavily|some|used|assisted|generated)(?:$|[\s.,;:!(])/i.test(value.trim());
}
