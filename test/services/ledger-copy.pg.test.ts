/**
 * `copy-ledger` from the SQLite file into PostgreSQL — the move a deployment makes when it
 * grows to several replicas — and back. Needs postgres://postgres@127.0.0.1:5432/test (or
 * LEDGER_TEST_DATABASE_URL); each target is a fresh schema, dropped at the end.
 */
import { afterAll, afterEach, describe, expect, it } from "@jest/globals";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import pg from "pg";
import { openLedger } from "../../src/ledger/index.js";
import { runWith, workspace, type Workspace } from "../cli/ledger-cli.js";
import { dumpLedger, seedEveryTable } from "../ledger/copy-fixture.js";

const SERVER = process.env.LEDGER_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const admin = new pg.Pool({ connectionString: SERVER, max: 2 });
const schemas: string[] = [];
let ws: Workspace;

afterEach(() => ws.remove());
afterAll(async () => {
  for (const schema of schemas) await admin.query(`drop schema if exists ${schema} cascade`);
  await admin.end();
}, 30_000);

async function freshSchemaUrl(): Promise<string> {
  const schema = `ledger_copy_${randomBytes(6).toString("hex")}`;
  await admin.query(`create schema ${schema}`);
  schemas.push(schema);
  const url = new URL(SERVER);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return url.toString();
}

describe("copy-ledger between SQLite and PostgreSQL", () => {
  it("moves every row of a SQLite ledger into PostgreSQL (DATABASE_URL), and back into a new file", async () => {
    ws = workspace();
    const source = join(ws.dir, "data");
    const ledger = await openLedger({ dataDir: source });
    try {
      await seedEveryTable(ledger, 25);
    } finally {
      await ledger.close();
    }
    const url = await freshSchemaUrl();

    const there = await runWith({ DATABASE_URL: url }, ["copy-ledger", "--from", "data"], { cwd: ws.dir });
    expect(there.stderr).toBe("");
    expect(there.code).toBe(0);
    const original = await dumpLedger({ dataDir: source });
    expect(await dumpLedger({ databaseUrl: url })).toEqual(original);

    // What the app reads from it: the same track records as from the file.
    const [fromFile, fromPostgres] = [await openLedger({ dataDir: source }), await openLedger({ databaseUrl: url })];
    try {
      const scope = { owner: "acme" };
      expect(await fromPostgres.trackRecords(scope, new Date(0))).toEqual(await fromFile.trackRecords(scope, new Date(0)));
      expect(await fromPostgres.decisions({ owner: "acme", repo: "api", limit: 100 })).toEqual(await fromFile.decisions({ owner: "acme", repo: "api", limit: 100 }));
    } finally {
      await fromFile.close();
      await fromPostgres.close();
    }

    const back = await runWith({}, ["copy-ledger", "--from", url, "--to", "back.sqlite"], { cwd: ws.dir });
    expect(back.code).toBe(0);
    expect(await dumpLedger({ sqliteFile: join(ws.dir, "back.sqlite") })).toEqual(original);

    const again = await runWith({ DATABASE_URL: url }, ["copy-ledger", "--from", "data"], { cwd: ws.dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("the target ledger is not empty");
  });
});
