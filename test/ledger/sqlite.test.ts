import { afterAll, describe, expect, it } from "@jest/globals";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { SQLITE_FILE, openLedger } from "../../src/ledger/open.js";
import { ledgerSettings } from "../../src/settings.js";
import { ledgerContract } from "./ledger-contract.js";
import type { LedgerDatabase } from "../../src/ledger/schema.js";
import { consoleSpeedMigrationContract } from "./console-speed-migration.js";
import { ledgerReadsContract } from "./reads-contract.js";
import { approvalWaitBackfillContract } from "./approval-wait-backfill-contract.js";

const root = mkdtempSync(join(tmpdir(), "ledger-test-"));
let stores = 0;
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("SQLite ledger", () => {
  ledgerContract(async () => {
    const dataDir = join(root, `store-${++stores}`);
    return { open: () => openLedger({ dataDir }) };
  });
  ledgerReadsContract(async () => {
    const dataDir = join(root, `store-${++stores}`);
    return { open: () => openLedger({ dataDir }) };
  });

  consoleSpeedMigrationContract(async () => {
    const dataDir = join(root, `store-${++stores}`);
    const emptyDir = join(root, `store-${++stores}`);
    mkdirSync(dataDir, { recursive: true });
    return {
      raw: async () => new Kysely<LedgerDatabase>({ dialect: new SqliteDialect({ database: new SQLite(join(dataDir, "ledger.sqlite")) }) }),
      open: () => openLedger({ dataDir }),
      openEmpty: () => openLedger({ dataDir: emptyDir }),
    };
  });

  approvalWaitBackfillContract(async () => {
    const dataDir = join(root, `store-${++stores}`);
    mkdirSync(dataDir, { recursive: true });
    return {
      raw: () => new Kysely<any>({ dialect: new SqliteDialect({ database: new SQLite(join(dataDir, SQLITE_FILE)) }) }),
      open: () => openLedger({ dataDir }),
    };
  });

  it("creates its data directory and the ledger file in it", async () => {
    const dataDir = join(root, "nested", "data");
    const ledger = await openLedger({ dataDir });
    await ledger.close();
    expect(existsSync(join(dataDir, "ledger.sqlite"))).toBe(true);
  });

  it("keeps its file in write-ahead-log mode", async () => {
    const dataDir = join(root, "wal");
    await (await openLedger({ dataDir })).close();
    const db = new SQLite(join(dataDir, "ledger.sqlite"), { readonly: true });
    try {
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    } finally {
      db.close();
    }
  });

  it("works in memory", async () => {
    const ledger = await openLedger({ sqliteFile: ":memory:" });
    try {
      expect([ledger.driver, await ledger.ping()]).toEqual(["sqlite", true]);
    } finally {
      await ledger.close();
    }
  });
});

describe("ledger options from the environment", () => {
  it.each([
    ["nothing set: SQLite in the default directory", {}, {}],
    ["DATABASE_URL: PostgreSQL", { DATABASE_URL: "postgres://db/gov" }, { databaseUrl: "postgres://db/gov" }],
    ["GOVERNANCE_DATA_DIR: SQLite there", { GOVERNANCE_DATA_DIR: "/var/lib/gov" }, { dataDir: "/var/lib/gov" }],
    ["blank values count as unset", { DATABASE_URL: " ", GOVERNANCE_DATA_DIR: "" }, {}],
  ])("%s", (_name, env, options) => {
    expect(ledgerSettings(env)).toEqual(options);
  });
});
