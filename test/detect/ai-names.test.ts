import { describe, expect, it } from "@jest/globals";
import { aiNamedBy, isNegative, keyNamesAi } from "../../src/detect/ai-names.js";

describe("aiNamedBy: a generic trailer value names an AI only when it names a tool or model", () => {
  it.each([
    ["the kernel's AGENT:MODEL form", "Claude:claude-3-opus coccinelle sparse", "claude-code"],
    ["a model name with a version", "Claude Fable 5", "claude-code"],
    ["a model id and an agent e-mail", "Claude claude-opus-4-6 <noreply@anthropic.com>", "claude-code"],
    ["the ASF Generated-by form", "Claude Code (Claude Opus 4.6)", "claude-code"],
    ["GitHub Copilot", "GitHub Copilot", "copilot"],
    ["a bare Copilot", "Copilot", "copilot"],
    ["Codex with its model", "Codex (GPT-5.4)", "codex"],
    ["Fedora's ChatGPT example", "ChatGPTv5", "unknown-ai"],
    ["Fedora's generic example", "generic LLM chatbot", "unknown-ai"],
    ["a model id anywhere", "my tool using gpt-4o", "unknown-ai"],
    ["Devin with a qualifier", "Devin AI", "devin"],
    ["Gemini with a version", "Gemini 2.5 Pro", "unknown-ai"],
    ["Gemini CLI", "Gemini CLI", "gemini-cli"],
  ])("%s: %s", (_name, value, agent) => {
    expect(aiNamedBy(value)?.agent).toBe(agent);
  });

  it.each([
    ["curl crediting a person", "Daniel Stenberg"],
    ["a person whose first name is a tool", "Devin Carr"],
    ["a Jules", "Jules Damji"],
    ["a Claude who paints", "Claude Monet"],
    ["a Cody", "Cody Lin <codyl@twitter.com>"],
    ["a bare first name that is also a tool", "Claude"],
    ["a name that starts like a tool", "Geminiano Rossi"],
    ["a handle containing claude", "claudex on github"],
    ["a static analyser", "MonocleAI"],
    ["a person with an accent", "Marc Hörsken"],
  ])("not %s: %s", (_name, value) => {
    expect(aiNamedBy(value)).toBeNull();
  });
});

describe("keys that declare AI by themselves", () => {
  it.each([
    ["AI-Assisted", true],
    ["Generated-by-AI", true],
    ["Assisted-by", false],
    ["Maintained-by", false],
  ])("%s → %s", (key, expected) => {
    expect(keyNamesAi(key)).toBe(expected);
  });

  it.each(["no", "None", "false", "n/a", "not really"])("%s is a negative answer", (value) => {
    expect(isNegative(value)).toBe(true);
  });

  it.each(["yes", "true", "tests only"])("%s is not a negative answer", (value) => {
    expect(isNegative(value)).toBe(false);
  });
});
