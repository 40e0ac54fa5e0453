import { describe, expect, it } from "@jest/globals";
import { parseIdentity, parseTrailers } from "../../src/detect/trailers.js";

const keysAndValues = (message: string) => parseTrailers(message).map((t) => [t.key, t.value]);

describe("parseTrailers: Key: value lines anywhere in the message", () => {
  it.each([
    ["a trailer in the final paragraph", "Fix\n\nCo-authored-by: A <a@x.io>\n", [["co-authored-by", "A <a@x.io>"]]],
    ["keys compared case-insensitively", "Fix\n\nCo-Authored-By: A <a@x.io>", [["co-authored-by", "A <a@x.io>"]]],
    ["an indented trailer", "Fix\n\n   Co-Authored-By: A <a@x.io>", [["co-authored-by", "A <a@x.io>"]]],
    ["CRLF line endings", "Fix\r\n\r\nCo-authored-by: A <a@x.io>\r\n", [["co-authored-by", "A <a@x.io>"]]],
    ["a lone CR ends a line", "Fix\rCo-authored-by: A <a@x.io>", [["co-authored-by", "A <a@x.io>"]]],
    [
      "a trailer above a footer paragraph, not in the final one",
      "Fix\n\nCo-authored-by: A <a@x.io>\n\nCopilot-Session: 0bc4\n",
      [["co-authored-by", "A <a@x.io>"], ["copilot-session", "0bc4"]],
    ],
    ["trailers inside squash bullets", "Fix (#1)\n\n* part\n\nSigned-off-by: B <b@x.io>\n\n* more", [["signed-off-by", "B <b@x.io>"]]],
    ["blanks before the separator", "Fix\n\nMade-with : Cursor", [["made-with", "Cursor"]]],
    ["an indented continuation joins the value", "Fix\n\nAssisted-by: Claude:claude-3-opus\n  coccinelle sparse", [["assisted-by", "Claude:claude-3-opus coccinelle sparse"]]],
  ])("reads %s", (_name, message, expected) => {
    expect(keysAndValues(message)).toEqual(expected);
  });

  it.each([
    ["a URL line", "https://claude.ai/code/session_01"],
    ["a bullet", "- note: this is prose"],
    ["a time", "12:30 deploy"],
    ["a key with a space", "Reported by: someone"],
  ])("does not read %s as a trailer", (_name, line) => {
    expect(parseTrailers(`Fix\n\n${line}\n`)).toEqual([]);
  });

  it("numbers lines from 1 and keeps the key as written", () => {
    expect(parseTrailers("Fix\n\nCo-Authored-By: A <a@x.io>")[0]).toMatchObject({ rawKey: "Co-Authored-By", line: 3 });
  });
});

describe("parseIdentity: e-mail with or without <>", () => {
  it.each([
    ["Claude <noreply@anthropic.com>", { name: "Claude", email: "noreply@anthropic.com" }],
    ["Claude Opus 4.6 (1M context) <noreply@anthropic.com>", { name: "Claude Opus 4.6 (1M context)", email: "noreply@anthropic.com" }],
    ["OpenHands-Gemini openhands@all-hands.dev", { name: "OpenHands-Gemini", email: "openhands@all-hands.dev" }],
    ["Copilot <Copilot@GitHub.com> (vscode)", { name: "Copilot", email: "copilot@github.com" }],
    ["Daniel Stenberg", { name: "Daniel Stenberg", email: "" }],
    ["Peter @bagder on github", { name: "Peter @bagder on github", email: "" }],
  ])("%s", (value, expected) => {
    expect(parseIdentity(value)).toEqual(expected);
  });
});
