import { describe, expect, it } from "@jest/globals";
import { Sealer, newSession, type Session } from "../../src/console/session.js";
import { consoleSettingsFromEnv, pullRequestPageUrl } from "../../src/console/settings.js";

const SECRET = "s".repeat(40);
const NOW = Date.UTC(2026, 5, 1);

describe("sealed sessions", () => {
  const sealer = new Sealer(SECRET, "session");
  const sealed = sealer.seal(newSession("alice", "ghu_token", NOW));

  it("open to the session they sealed, without showing the token", () => {
    expect(sealer.open<Session>(sealed, NOW + 1000)).toMatchObject({ login: "alice", token: "ghu_token" });
    expect(Buffer.from(sealed, "base64url").toString("latin1")).not.toContain("ghu_token");
  });

  it.each([
    ["expired", sealed, NOW + 9 * 3600_000],
    ["forged (one byte changed)", sealed.slice(0, 30) + (sealed[30] === "A" ? "B" : "A") + sealed.slice(31), NOW],
    ["sealed with another secret", new Sealer("t".repeat(40), "session").seal(newSession("alice", "x", NOW)), NOW],
    ["sealed for another purpose", new Sealer(SECRET, "sign-in").seal(newSession("alice", "x", NOW)), NOW],
    ["garbage", "not-a-cookie", NOW],
    ["missing", undefined, NOW],
  ])("refuse a cookie that is %s", (_why, cookie, now) => {
    expect(sealer.open<Session>(cookie, now)).toBeNull();
  });
});

describe("console settings", () => {
  const all = { GOVERNANCE_PUBLIC_URL: "https://gov.example.com/", GITHUB_CLIENT_ID: "Iv1.x", GITHUB_CLIENT_SECRET: "y", GOVERNANCE_SESSION_SECRET: SECRET };

  it("are off without any of them, and say what is missing when some are set", () => {
    expect(consoleSettingsFromEnv({})).toEqual({ enabled: false, reason: "not configured", partial: false });
    expect(consoleSettingsFromEnv({ ...all, GITHUB_CLIENT_SECRET: "" })).toMatchObject({ enabled: false, partial: true, reason: "GITHUB_CLIENT_SECRET not set" });
    expect(consoleSettingsFromEnv({ ...all, GOVERNANCE_SESSION_SECRET: "short" })).toMatchObject({ enabled: false, reason: expect.stringMatching(/at least 32/) });
  });

  it("mark cookies Secure behind https only", () => {
    expect(consoleSettingsFromEnv(all)).toMatchObject({ enabled: true, settings: { publicUrl: "https://gov.example.com", secureCookies: true } });
    expect(consoleSettingsFromEnv({ ...all, GOVERNANCE_PUBLIC_URL: "http://127.0.0.1:3000" })).toMatchObject({ settings: { secureCookies: false } });
  });

  it("build the check run's details link with the head SHA", () => {
    expect(pullRequestPageUrl("https://gov.example.com", { owner: "acme", repo: "api", number: 7 }, "abc")).toBe("https://gov.example.com/acme/api/pull/7?sha=abc");
  });
});
