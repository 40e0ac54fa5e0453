/** Several processes opening one SQLite ledger at once (replicas on a shared volume, the CLI beside the app). */
import { afterAll, describe, expect, it } from "@jest/globals";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import SQLite from "better-sqlite3";
import { migrations as LEDGER_MIGRATIONS } from "../../src/ledger/migrations/index.js";

const SCRIPT = fileURLToPath(new URL("./fixtures/open-ledger.ts", import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), "ledger-replicas-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function startReplica(pr: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", SCRIPT, dataDir, String(pr)], {
      env: { ...process.env, NODE_OPTIONS: "" },
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

describe("SQLite ledger shared by several processes", () => {
  it("migrates once and loses no merge when four processes start together", async () => {
    const runs = await Promise.all([1, 2, 3, 1].map(startReplica));
    expect(runs.filter((r) => r.code !== 0).map((r) => r.stderr)).toEqual([]);
    const db = new SQLite(join(dataDir, "ledger.sqlite"), { readonly: true });
    try {
      const migrations = db.prepare("select count(*) as n from ledger_migration").get() as { n: number };
      const prs = db.prepare("select pr_number from merges order by pr_number").pluck().all();
      expect([migrations.n, prs]).toEqual([Object.keys(LEDGER_MIGRATIONS).length, [1, 2, 3]]);
    } finally {
      db.close();
    }
  }, 60_000);
});
