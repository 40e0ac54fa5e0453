import { describe, expect, it } from "@jest/globals";
import { parseTarget } from "../../src/cli/repository-target.js";
import { parseSince } from "../../src/cli/since.js";

describe("OWNER, OWNER/REPO and OWNER/REPO#N on the command line", () => {
  const any = { pr: "optional", repo: "optional" } as const;

  it.each([
    ["acme", { owner: "acme" }],
    ["Acme/API", { owner: "acme", repo: "api" }],
    ["acme/api.js#42", { owner: "acme", repo: "api.js", pr: 42 }],
    ["acme/.github", { owner: "acme", repo: ".github" }],
  ])("reads %s", (text, target) => {
    expect(parseTarget(text, any)).toEqual({ ok: true, target });
  });

  it.each([
    ["an empty string", "", any],
    ["a URL", "https://github.com/acme/api", any],
    ["a repository named ..", "acme/..", any],
    ["a pull request without a repository", "acme#3", any],
    ["pull request number 0", "acme/api#0", any],
    ["a pull request where none is wanted", "acme/api#3", { pr: "no", repo: "optional" } as const],
    ["no pull request where one is required", "acme/api", { pr: "required", repo: "required" } as const],
    ["an owner where a repository is required", "acme", { pr: "no", repo: "required" } as const],
  ])("rejects %s with a message", (_name, text, accepts) => {
    expect(parseTarget(text, accepts)).toEqual({ ok: false, message: expect.stringMatching(/^'[^']*'.* (is not|names) /) });
  });
});

describe("--since", () => {
  it.each([
    ["2026-05-01", "2026-05-01T00:00:00.000Z"],
    ["2026-05-01T12:30:00Z", "2026-05-01T12:30:00.000Z"],
    ["2026-05-01T12:30:00+02:00", "2026-05-01T10:30:00.000Z"],
  ])("reads %s", (text, iso) => {
    const parsed = parseSince(text);
    expect(parsed.ok && parsed.since?.toISOString()).toBe(iso);
  });

  it.each([["yesterday"], ["2026-02-30"], ["2026-13-01"], ["2026-05-01T12:30"], ["1714560000"]])("rejects %s", (text) => {
    expect(parseSince(text)).toEqual({ ok: false, message: expect.stringContaining("is not a date") });
  });
});
