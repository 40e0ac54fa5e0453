/**
 * Look-alike characters cannot hide a mark, and normalising never makes a human commit AI.
 */
import { describe, expect, it } from "@jest/globals";
import { DEFAULT_DETECTION, detectCommit } from "../../src/detect/detect.js";
import { normaliseText } from "../../src/detect/normalise.js";
import type { CommitFacts, GitIdentity } from "../../src/facts.js";
import { resolve } from "node:path";
import { commitFacts, loadCorpus } from "./corpus.js";

const ada: GitIdentity = { name: "Ada Lovelace", email: "ada@example.org", user: null };
const commit = (message: string, author: GitIdentity = ada): CommitFacts => ({ sha: "a".repeat(40), message, author, committer: ada, parentCount: 1 });
const ai = (c: CommitFacts) => detectCommit(c, DEFAULT_DETECTION).aiAssisted;

describe("an agent's mark survives look-alike characters", () => {
  it.each([
    ["U+2010 hyphens in the key", "Co\u2010authored\u2010by: Claude <noreply@anthropic.com>"],
    ["U+2011 non-breaking hyphens", "Co\u2011authored\u2011by: Claude <noreply@anthropic.com>"],
    ["U+2212 minus signs", "Co\u2212authored\u2212by: Claude <noreply@anthropic.com>"],
    ["an en dash", "Co\u2013authored\u2013by: Claude <noreply@anthropic.com>"],
    ["a fullwidth colon", "Co-authored-by\uFF1A Claude <noreply@anthropic.com>"],
    ["a zero-width space in the key", "Co-author\u200Bed-by: Claude <noreply@anthropic.com>"],
    ["a zero-width joiner in the e-mail", "Co-authored-by: Claude <noreply@anthro\u200Dpic.com>"],
    ["a byte-order mark before the key", "\uFEFFCo-authored-by: Claude <noreply@anthropic.com>"],
    ["fullwidth letters", "Ｃｏ-authored-by: Claude <noreply@anthropic.com>"],
    ["a soft hyphen in a session key", "Claude-Ses\u00ADsion: https://claude.ai/code/session_01"],
  ])("%s", (_name, trailer) => {
    expect(ai(commit(`Fix the parser\n\n${trailer}\n`))).toBe(true);
  });

  it("reads an author's e-mail with a zero-width space", () => {
    expect(ai(commit("Fix\n", { name: "Cursor Agent", email: "cursoragent@cur\u200Bsor.com", user: null }))).toBe(true);
  });
});

describe("normalising never makes a human commit AI", () => {
  it.each([
    ["ligatures and fullwidth text", "Ｆｉｘ the ﬁle ﬂag\n\nSigned-off-by: Ada Lovelace <ada@example.org>\n"],
    ["dashes in prose", "Fix range 1\u20135 \u2014 off by one\n\nAssisted-by: Daniel Stenberg\n"],
    ["a person named Claude with a zero-width joiner", "Fix\n\nCo-authored-by: Claude\u200D Monet <claude@monet.example>\n"],
    ["a fullwidth colon in a human trailer", "Fix\n\nReviewed-by\uFF1A Jules Mons <jules@example.nl>\n"],
    ["emoji sequences with joiners", "Ship it 👩\u200D💻\n\nMade with ❤️ by the team\n"],
  ])("%s", (_name, message) => {
    expect(ai(commit(message))).toBe(false);
  });

  it("turns no human record of either corpus file into AI", () => {
    for (const file of ["corpus.json", "corpus-2026-12.json"]) {
      for (const record of loadCorpus(resolve(process.cwd(), "test/detect/fixtures", file)).filter((r) => !r.ai && !/category: fp:/.test(r.note ?? ""))) {
        // Sprinkle every look-alike the normaliser folds into the record's text.
        const facts = commitFacts(record);
        const noisy = { ...facts, message: facts.message.replace(/-/g, "\u2010").replace(/:/g, "\uFF1A").replace(/ /g, " \u200B") };
        expect([record.id, ai(noisy)]).toEqual([record.id, false]);
      }
    }
  });

  it("leaves plain ASCII untouched", () => {
    const text = "Fix: a-b\r\nCo-authored-by: X <x@y.z>";
    expect(normaliseText(text)).toBe(text);
  });
});
