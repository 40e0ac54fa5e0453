import { describe, expect, it } from "@jest/globals";
import { normalizeActor, normalizeLogin, parseNoreplyEmail } from "../../src/detect/login.js";

describe("normalizeActor: REST [bot] vs GraphQL Bot, Copilot's several identities", () => {
  type Args = [login: string, id?: number, type?: string];
  it.each<[string, Args, object]>([
    ["REST App login keeps [bot]", ["dependabot[bot]"], { login: "dependabot", isBot: true }],
    ["GraphQL drops [bot] and says Bot", ["dependabot", undefined, "Bot"], { login: "dependabot", isBot: true }],
    ["a person keeps their login in lower case", ["OctoCat", 583231, "User"], { login: "octocat", id: 583231, isBot: false }],
    ["Copilot coding agent, REST name", ["copilot-swe-agent[bot]"], { login: "copilot", isBot: true }],
    ["Copilot coding agent, display login", ["Copilot", 198982749], { login: "copilot", id: 198982749, isBot: true }],
    ["Copilot code review bot", ["copilot-pull-request-reviewer[bot]"], { login: "copilot", isBot: true }],
    ["the id wins over a renamed login", ["some-old-name", 223556219], { login: "copilot", id: 223556219, isBot: true }],
  ])("%s", (_name, args, expected) => {
    expect(normalizeActor(...args)).toEqual(expected);
  });

  it("drops a non-positive id", () => {
    expect(normalizeActor("ghost", 0).id).toBeUndefined();
  });
});

describe("normalizeLogin", () => {
  it.each([
    ["Renovate[bot]", "renovate"],
    ["@Alice ", "alice"],
    ["claude[BOT]", "claude"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeLogin(input)).toBe(expected);
  });
});

describe("parseNoreplyEmail: ID+login@users.noreply.github.com", () => {
  it.each([
    ["198982749+Copilot@users.noreply.github.com", { id: 198982749, login: "Copilot" }],
    ["209825114+claude[bot]@users.noreply.github.com", { id: 209825114, login: "claude[bot]" }],
    ["continue[bot]@users.noreply.github.com", { login: "continue[bot]" }],
    ["DevinCarr@users.noreply.github.com", { login: "DevinCarr" }],
    ["42+octo@users.noreply.acme.ghe.com", { id: 42, login: "octo" }],
  ])("%s", (email, expected) => {
    expect(parseNoreplyEmail(email)).toEqual(expected);
  });

  it.each([
    ["an ordinary address", "noreply@anthropic.com"],
    ["gitee's look-alike", "5649701+llwwff@user.noreply.gitee.com"],
    ["GitHub's web-flow committer", "noreply@github.com"],
  ])("rejects %s", (_name, email) => {
    expect(parseNoreplyEmail(email)).toBeNull();
  });
});
