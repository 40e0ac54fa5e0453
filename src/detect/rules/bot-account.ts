/**
 * What a `[bot]` account is when the catalogue does not know it: an AI by its name
 * (`codeflash-ai`, `kiro-agent`, `gemini-cli`, `junie-github-actions`), known automation
 * (`prefect-renovate`, `release-bot`, `microsoft-github-policy-service`), or unknown
 * automation — reported, and counted only when the policy says `unknown_bots: ai`.
 *
 * Only App accounts (`[bot]`) are read by name: no person can own one, whereas a person's
 * login says nothing about how they write code.
 */
import { CATALOG } from "../catalog.js";
import { nameWords, namesAutomation } from "../ai-names.js";
import { MODEL_FAMILIES } from "../vocabulary.js";

export type BotClass = { kind: "ai"; word: string } | { kind: "automation" } | { kind: "unknown" };

/** Words that make an App account an AI: generic ones, model families, agent names. */
const AI_WORDS = new Set<string>(["ai", "agent", "agents", "agentic", "llm", "gpt", "genai", "swe"]);
for (const family of MODEL_FAMILIES) {
  const words = nameWords(family.name);
  if (words.length === 1 && words[0].length >= 3) AI_WORDS.add(words[0]);
}
for (const agent of CATALOG) {
  for (const name of agent.names) {
    const words = nameWords(name.name);
    // "Continue", "Sweep", "Amp" are words a deploy bot may carry; first names are not.
    if (words.length === 1 && name.ambiguous !== "word" && words[0].length >= 4) AI_WORDS.add(words[0]);
  }
}
for (const word of ["opus", "sonnet", "haiku", "mistral", "llama"]) AI_WORDS.delete(word);

export function classifyBot(login: string): BotClass {
  if (namesAutomation(login)) return { kind: "automation" };
  const word = nameWords(login).find((w) => AI_WORDS.has(w));
  return word ? { kind: "ai", word } : { kind: "unknown" };
}
