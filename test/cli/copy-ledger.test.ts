import { afterEach, describe, expect, it } from "@jest/globals";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { openLedger } from "../../src/ledger/index.js";
import { dumpLedger, seedEveryTable } from "../ledger/copy-fixture.js";
import { runWith, workspace, type Workspace } from "./ledger-cli.js";

let ws: Workspace;
afterEach(() => ws.remove());

async function seededSource(): Promise<string> {
  ws = workspace();
  const source = join(ws.dir, "old");
  const ledger = await openLedger({ dataDir: source });
  try {
    await seedEveryTable(ledger);
  } finally {
    await ledger.close();
  }
  return source;
}

describe("agent-governance copy-ledger", () => {
  it("copies every row of every table into an empty ledger, and says how many", async () => {
    const source = await seededSource();
    const run = await runWith({}, ["copy-ledger", "--from", "old", "--to", "new.sqlite"], { cwd: ws.dir });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("decisions: 6 rows");
    expect(run.stdout).toContain("merge_agents: 6 rows");
    expect(run.stdout).toMatch(/copied \d+ rows; every table of .*new\.sqlite holds as many rows as the source's/);
    const before = await dumpLedger({ dataDir: source });
    const after = await dumpLedger({ sqliteFile: join(ws.dir, "new.sqlite") });
    for (const rows of Object.values(before)) expect(rows.length).toBeGreaterThan(0);
    expect(after).toEqual(before);
  });

  it("copies into DATABASE_URL's ledger when --to is not given, and needs one of them", async () => {
    await seededSource();
    const run = await runWith({}, ["copy-ledger", "--from", "old"], { cwd: ws.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("say where to copy with --to");
  });

  it("refuses a target that already holds rows, and leaves it as it was", async () => {
    const source = await seededSource();
    const target = join(ws.dir, "busy");
    const busy = await openLedger({ dataDir: target });
    await busy.recordPullMerge({ owner: "acme", repo: "web", pr: 1, aiAssisted: false, mergedAt: new Date("2026-05-01T00:00:00Z") });
    await busy.close();
    const before = await dumpLedger({ dataDir: target });

    const run = await runWith({}, ["copy-ledger", "--from", source, "--to", target], { cwd: ws.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("the target ledger is not empty (pull_merges: 1 rows)");
    expect(await dumpLedger({ dataDir: target })).toEqual(before);
  });

  it("refuses a missing source without creating one, and the same ledger on both sides", async () => {
    ws = workspace();
    mkdirSync(join(ws.dir, "empty"));
    const missing = await runWith({}, ["copy-ledger", "--from", "empty", "--to", "new.sqlite"], { cwd: ws.dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`--from: no SQLite ledger at ${join(ws.dir, "empty", "ledger.sqlite")}`);
    expect(existsSync(join(ws.dir, "empty", "ledger.sqlite"))).toBe(false);
    expect(existsSync(join(ws.dir, "new.sqlite"))).toBe(false);

    const source = await seededSource();
    const same = await runWith({}, ["copy-ledger", "--from", source, "--to", join(source, "ledger.sqlite")], { cwd: ws.dir });
    expect(same.code).toBe(2);
    expect(same.stderr).toContain("--from and --to are the same ledger");
  });

  it("never prints a PostgreSQL password", async () => {
    const source = await seededSource();
    // Nothing listens on port 1: the copy fails, after naming the target without its password.
    const run = await runWith({}, ["copy-ledger", "--from", source, "--to", "postgres://app:s3cret@127.0.0.1:1/ledger"], { cwd: ws.dir });
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).not.toContain("s3cret");
    expect(run.stdout).toContain("postgres://app:***@127.0.0.1:1/ledger");
  });
});
