/**
 * The environment is read in one place, and what it reads is what README and .env.example
 * document: every variable, with the same default and meaning.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import { ENVIRONMENT, readSettings, SettingsError } from "../src/settings.js";

const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), "utf8");
const names = ENVIRONMENT.flatMap((variable) => variable.names);

describe("the documented environment", () => {
  it("README's environment table is ENVIRONMENT, row for row", () => {
    const section = read("README.md").split("\n## Environment variables\n")[1].split("\n## ")[0];
    const rows = section.split("\n").filter((line) => line.startsWith("| `"));
    const expected = ENVIRONMENT.map((v) => `| ${v.names.map((n) => `\`${n}\``).join(" / ")} | ${v.default} | ${v.meaning} |`);
    expect(rows).toEqual(expected);
  });

  it(".env.example mentions every variable, and no other", () => {
    const mentioned = [...read(".env.example").matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
    expect([...new Set(mentioned)].sort()).toEqual([...names].sort());
  });

  it("every variable the source reads from the environment is documented", () => {
    // The server and the command line read these; Probot reads the rest of the table itself.
    const sources = ["src/settings.ts", "src/server.ts", "src/github/cli-client.ts", "src/cli/protect.ts"].map(read).join("\n");
    const read_ = [...sources.matchAll(/\benv\.([A-Z][A-Z0-9_]+)/g)].map((m) => m[1]);
    expect(read_.filter((name) => !names.includes(name))).toEqual([]);
  });
});

describe("readSettings", () => {
  it("an empty environment gives the documented defaults", () => {
    expect(readSettings({})).toEqual({
      appId: undefined,
      production: false,
      server: { port: 3000, host: undefined, webhookPath: "/api/github/webhooks" },
      ledger: {},
      queue: { redisUrl: null, prefix: "agent-governance", concurrencyPerInstallation: 4, concurrencyPerReplica: 16, lockMs: 15_000 },
      directoryTtlSeconds: 60,
      checkRunMemoMaxAgeMs: undefined,
      writeIntervalMs: undefined,
      console: { enabled: false, reason: "not configured", partial: false },
      github: { web: "https://github.com", api: "https://api.github.com" },
    });
  });

  it("reads every variable it knows", () => {
    const settings = readSettings({
      APP_ID: "123",
      NODE_ENV: "production",
      PORT: "8080",
      HOST: "127.0.0.1",
      WEBHOOK_PATH: "/hooks",
      DATABASE_URL: "postgres://db/gov",
      REDIS_URL: "redis://cache:6379",
      GOVERNANCE_QUEUE_PREFIX: "gov",
      GOVERNANCE_CONCURRENCY_PER_INSTALLATION: "2",
      GOVERNANCE_QUEUE_CONCURRENCY: "8",
      GOVERNANCE_QUEUE_LOCK_SECONDS: "30",
      GOVERNANCE_DIRECTORY_TTL_SECONDS: "5",
      GOVERNANCE_CHECK_RUN_MEMO_SECONDS: "30",
      GHE_HOST: "github.acme.test",
      GOVERNANCE_PUBLIC_URL: "https://governance.acme.test",
      GITHUB_CLIENT_ID: "Iv1.abc",
      GITHUB_CLIENT_SECRET: "client-secret",
      GOVERNANCE_SESSION_SECRET: "s".repeat(32),
    });
    expect(settings).toEqual({
      appId: 123,
      production: true,
      server: { port: 8080, host: "127.0.0.1", webhookPath: "/hooks" },
      ledger: { databaseUrl: "postgres://db/gov" },
      queue: { redisUrl: "redis://cache:6379", prefix: "gov", concurrencyPerInstallation: 2, concurrencyPerReplica: 8, lockMs: 30_000 },
      directoryTtlSeconds: 5,
      checkRunMemoMaxAgeMs: 30_000,
      writeIntervalMs: undefined,
      console: {
        enabled: true,
        settings: { publicUrl: "https://governance.acme.test", clientId: "Iv1.abc", clientSecret: "client-secret", sessionSecret: "s".repeat(32), secureCookies: true },
      },
      github: { web: "https://github.acme.test", api: "https://github.acme.test/api/v3" },
    });
  });

  it("an empty value is unset, and spaces around a number are ignored", () => {
    expect(readSettings({ PORT: "", GOVERNANCE_QUEUE_CONCURRENCY: " 8 " })).toMatchObject({ server: { port: 3000 }, queue: { concurrencyPerReplica: 8 } });
  });

  it("fractions of a second are accepted where seconds are counted", () => {
    expect(readSettings({ GOVERNANCE_QUEUE_LOCK_SECONDS: "2.5", GOVERNANCE_CHECK_RUN_MEMO_SECONDS: "0.5" })).toMatchObject({
      queue: { lockMs: 2_500 },
      checkRunMemoMaxAgeMs: 500,
    });
  });

  // A value the server cannot use stops it at start, naming the variable, the value and what it accepts.
  it.each([
    ["APP_ID", "my-app", "the GitHub App's numeric id"],
    ["PORT", "http", "a port number from 0 to 65535"],
    ["PORT", "70000", "a port number from 0 to 65535"],
    ["GOVERNANCE_DIRECTORY_TTL_SECONDS", "soon", "a number of seconds > 0"],
    ["GOVERNANCE_DIRECTORY_TTL_SECONDS", "0", "a number of seconds > 0"],
    ["GOVERNANCE_CONCURRENCY_PER_INSTALLATION", "abc", "a whole number ≥ 1"],
    ["GOVERNANCE_CONCURRENCY_PER_INSTALLATION", "0", "a whole number ≥ 1"],
    ["GOVERNANCE_QUEUE_CONCURRENCY", "-1", "a whole number ≥ 1"],
    ["GOVERNANCE_QUEUE_CONCURRENCY", "2.5", "a whole number ≥ 1"],
    ["GOVERNANCE_QUEUE_CONCURRENCY", "1e3", "a whole number ≥ 1"],
    ["GOVERNANCE_QUEUE_LOCK_SECONDS", "0x10", "a number of seconds > 0"],
    ["GOVERNANCE_CHECK_RUN_MEMO_SECONDS", "-30", "a number of seconds > 0"],
    ["GOVERNANCE_WRITE_INTERVAL_MS", "fast", "a number of milliseconds ≥ 0"],
    ["GHE_PROTOCOL", "ftp", '"https" or "http"'],
  ])("%s=%s stops the start with a message naming it", (name, value, accepted) => {
    const read = () => readSettings({ [name]: value });
    expect(read).toThrow(SettingsError);
    expect(read).toThrow(`${name} must be ${accepted}`);
    expect(read).toThrow(`got "${value}"`);
  });

  it("GOVERNANCE_WRITE_INTERVAL_MS spaces writes, and never with Redis (throttling is shared there)", () => {
    expect(readSettings({ GOVERNANCE_WRITE_INTERVAL_MS: "0" }).writeIntervalMs).toBe(0);
    expect(readSettings({ GOVERNANCE_WRITE_INTERVAL_MS: "0", REDIS_URL: "redis://cache" }).writeIntervalMs).toBeUndefined();
  });
});
