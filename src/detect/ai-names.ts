/**
 * Does the value of a generic trailer (`Assisted-by:`, `Generated-by:`, `Signed-off-by:`)
 * name an AI tool, model or agent?
 *
 * The same keys credit people — curl has written `Assisted-by: <person>` for years — so a
 * value counts only when it *starts* with a tool or model name ("Claude:claude-3-opus",
 * "GitHub Copilot", "ChatGPTv5") or carries a model id anywhere ("generic LLM chatbot",
 * "… claude-opus-4-6"). Names that are also first names or words (Claude, Devin, Jules,
 * Amp, …) additionally need a qualifier: a model, a version, "Code", "AI", a colon.
 * "Claude Monet" and "Devin Carr" stay people; "Claude Fable 5" and "Devin AI" do not.
 */
import { CATALOG } from "./catalog.js";
import { parseIdentity } from "./trailers.js";

/** Agent id for a model or vendor that is not one catalogued tool. */
export const UNKNOWN_AI = "unknown-ai";

interface KnownName {
  agent: string;
  ambiguous: boolean;
}

/** Model families and vendors: they say "an AI", not which agent. */
const MODEL_NAMES: { name: string; ambiguous?: boolean }[] = [
  { name: "ChatGPT" },
  { name: "GPT" },
  { name: "OpenAI" },
  { name: "Anthropic" },
  { name: "Gemini" },
  { name: "Llama", ambiguous: true },
  { name: "Qwen" },
  { name: "DeepSeek" },
  { name: "Mistral", ambiguous: true },
  { name: "Codestral" },
  { name: "Grok" },
  { name: "LLM" },
  { name: "AI", ambiguous: true },
];

/** Words after an ambiguous name that make it a tool rather than a person. */
const QUALIFIERS = new Set([
  "code", "cli", "agent", "ai", "assistant", "assist", "chat", "bot", "opus", "sonnet", "haiku",
  "pro", "flash", "ultra", "mini", "nano", "turbo", "model", "llm", "coder", "coding", "cloud",
  "web", "desktop", "ide", "sdk", "app",
]);

/** Model ids that name an AI wherever they stand in the value. */
const MODEL_TOKEN =
  /(?:^|[\s:(\[,/])(claude-[a-z0-9][\w.-]*|chatgpt[\w.-]*|gpt-?\d[\w.-]*|gemini-\d[\w.-]*|llama-?\d[\w.-]*|qwen\d[\w.-]*|deepseek-[\w.-]+|codestral[\w.-]*|grok-?\d[\w.-]*|llms?)(?=$|[\s:),\]/;.])/i;

const known = new Map<string, KnownName>();
for (const agent of CATALOG) {
  for (const n of agent.names) known.set(squash(n.name), { agent: agent.id, ambiguous: n.ambiguous === true });
}
for (const n of MODEL_NAMES) {
  if (!known.has(squash(n.name))) known.set(squash(n.name), { agent: UNKNOWN_AI, ambiguous: n.ambiguous === true });
}

// Longest first so that "Claude Code" wins over "Claude". ChatGPT and GPT may be glued to
// a version ("ChatGPTv5", "GPT4o"); every other name must end at a non-letter.
const LEADING_NAME = new RegExp(
  `^(?:the\\s+)?(${[...known.keys()]
    .sort((a, b) => b.length - a.length)
    .map((name) => name.split(" ").map(escapeRegExp).join("\\s+"))
    .map((pattern) => (/^(chatgpt|gpt)$/.test(pattern) ? pattern : `${pattern}(?![\\p{L}])`))
    .join("|")})`,
  "iu",
);

function squash(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, " ");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function qualified(rest: string): boolean {
  if (rest === "") return false;
  if (/^[:(/\[-]/.test(rest)) return true;
  for (const word of rest.split(/[\s,;]+/)) {
    if (/\d/.test(word)) return true;
    if (QUALIFIERS.has(word.replace(/[^\p{L}]/gu, "").toLowerCase())) return true;
  }
  return false;
}

export interface AiNaming {
  /** Catalogue id, or "unknown-ai" for a model or vendor. */
  agent: string;
  /** The words that named it. */
  name: string;
}

/** The AI a trailer value names, or null when it credits a person (or nothing). */
export function aiNamedBy(value: string): AiNaming | null {
  const text = parseIdentity(value).name;
  const leading = LEADING_NAME.exec(text);
  if (leading) {
    const entry = known.get(squash(leading[1]));
    const rest = text.slice(leading[0].length).trim();
    if (entry && (!entry.ambiguous || qualified(rest))) return { agent: entry.agent, name: leading[1] };
  }
  const token = MODEL_TOKEN.exec(text);
  if (token) {
    const agent = token[1].toLowerCase().startsWith("claude-") ? "claude-code" : UNKNOWN_AI;
    return { agent, name: token[1] };
  }
  return null;
}

/** A configured key such as `AI-Assisted` declares AI by itself: its value may just be "yes". */
export function keyNamesAi(key: string): boolean {
  return key
    .toLowerCase()
    .split("-")
    .some((part) => part === "ai" || part === "llm" || part === "genai");
}

/** "AI-Assisted: no" declares the opposite. */
export function isNegative(value: string): boolean {
  return /^(?:no|none|false|n\/?a|0|-|not\b.*|never)\.?$/i.test(value.trim());
}
