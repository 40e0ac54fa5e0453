/**
 * The operator's documents exist, are linked from README, and say what a newcomer looked for:
 * how to back up a live SQLite ledger safely, move to PostgreSQL, upgrade, uninstall; where to
 * point the webhook and how to receive webhooks locally. The documented Node backup command is
 * run against a live WAL ledger, so the advice is proven, not only written.
 */
import { describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const readme = read("README.md");
const operations = read("docs/operations.md");

describe("operations documentation", () => {
  it("is linked from README, with the changelog", () => {
    expect(readme).toContain("(docs/operations.md)");
    expect(readme).toContain("(CHANGELOG.md)");
    expect(read("CHANGELOG.md")).toMatch(/^# Changelog\n/);
  });

  it.each([
    ["a WAL-safe backup", /\.backup '/],
    ["a compacted copy", /VACUUM INTO/],
    ["restoring", /\*\*Restore:\*\*/],
    ["moving to PostgreSQL", /## Move from SQLite to PostgreSQL/],
    ["how migrations run and whether they roll back", /Migrations run at start-up[\s\S]*\*\*Rolling back:\*\*/],
    ["uninstalling", /## Uninstall/],
  ])("covers %s", (_what, text) => {
    expect(operations).toMatch(text);
  });

  it("gives a Node backup command that copies a live WAL ledger consistently", () => {
    const command = /`node -e "(.+?)"`/.exec(operations)?.[1];
    expect(command).toBeDefined();
    const dir = mkdtempSync(join(tmpdir(), "agent-governance-backup-"));
    try {
      const Database = createRequire(import.meta.url)("better-sqlite3") as new (path: string, options?: object) => {
        pragma(text: string): unknown;
        exec(sql: string): void;
        prepare(sql: string): { get(): unknown };
        close(): void;
      };
      const live = new Database(join(dir, "ledger.sqlite"));
      live.pragma("journal_mode = WAL");
      live.exec("CREATE TABLE merges (id INTEGER); INSERT INTO merges VALUES (1), (2);");
      // The live ledger stays open, its writes still in the WAL, while the documented command runs.
      execFileSync(process.execPath, ["-e", command!.replace("data/ledger.sqlite", "ledger.sqlite").replace("backups/ledger.sqlite", "backup.sqlite")], {
        cwd: dir,
        env: { ...process.env, NODE_PATH: join(process.cwd(), "node_modules") },
      });
      const copy = new Database(join(dir, "backup.sqlite"), { readonly: true });
      expect(copy.prepare("SELECT count(*) AS n FROM merges").get()).toEqual({ n: 2 });
      copy.close();
      live.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("README's way from registering the app to webhooks arriving", () => {
  it("says which webhook URL to set after registering, and how to receive webhooks locally", () => {
    expect(readme).toContain("https://YOUR-HOST/api/github/webhooks");
    expect(readme).toMatch(/Webhook\s+URL/);
    expect(readme).toContain("npx smee-client --url https://smee.io/YOUR-CHANNEL --target http://127.0.0.1:3000/api/github/webhooks");
    expect(readme).toMatch(/tunnel/);
  });
});
