/**
 * The ledger contract against PostgreSQL, plus what only a shared server can show: replicas
 * starting together. Needs postgres://postgres@127.0.0.1:5432/test (or LEDGER_TEST_DATABASE_URL);
 * each store is a fresh schema, dropped at the end.
 */
import { afterAll, describe, expect, it } from "@jest/globals";
import { randomBytes } from "node:crypto";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Ledger, MergeRecord } from "../../src/ledger/ledger.js";
import { MIGRATION_TABLE } from "../../src/ledger/migrate.js";
import { migrations } from "../../src/ledger/migrations/index.js";
import { openLedger } from "../../src/ledger/open.js";
import { ledgerContract } from "../ledger/ledger-contract.js";
import type { LedgerDatabase } from "../../src/ledger/schema.js";
import { consoleSpeedMigrationContract } from "../ledger/console-speed-migration.js";
import { ledgerReadsContract } from "../ledger/reads-contract.js";
import { approvalWaitBackfillContract } from "../ledger/approval-wait-backfill-contract.js";

const SERVER = process.env.LEDGER_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const admin = new pg.Pool({ connectionString: SERVER, max: 2 });
const schemas: string[] = [];

afterAll(async () => {
  for (const schema of schemas) await admin.query(`drop schema if exists ${schema} cascade`);
  await admin.end();
}, 30_000);

/** A URL whose connections see only a new, empty schema. */
async function freshSchemaUrl(): Promise<{ url: string; schema: string }> {
  const schema = `ledger_test_${randomBytes(6).toString("hex")}`;
  await admin.query(`create schema ${schema}`);
  schemas.push(schema);
  const url = new URL(SERVER);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return { url: url.toString(), schema };
}

describe("PostgreSQL ledger", () => {
  ledgerContract(async () => {
    const { url } = await freshSchemaUrl();
    return { open: () => openLedger({ databaseUrl: url }) };
  });
  ledgerReadsContract(async () => {
    const { url } = await freshSchemaUrl();
    return { open: () => openLedger({ databaseUrl: url }) };
  });
  consoleSpeedMigrationContract(async () => {
    const { url, schema } = await freshSchemaUrl();
    const empty = await freshSchemaUrl();
    return {
      schema,
      raw: async () => new Kysely<LedgerDatabase>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }) }),
      open: () => openLedger({ databaseUrl: url }),
      openEmpty: () => openLedger({ databaseUrl: empty.url }),
    };
  });

  approvalWaitBackfillContract(async () => {
    const { url, schema } = await freshSchemaUrl();
    return {
      schema,
      raw: () => new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }) }),
      open: () => openLedger({ databaseUrl: url }),
    };
  });

  it("migrates once when two replicas start at the same time", async () => {
    const { url, schema } = await freshSchemaUrl();
    const replicas = await Promise.all([openLedger({ databaseUrl: url }), openLedger({ databaseUrl: url })]);
    try {
      const { rows } = await admin.query(`select name from ${schema}.${MIGRATION_TABLE} order by name`);
      expect(rows.map((r: { name: string }) => r.name)).toEqual(Object.keys(migrations));
    } finally {
      await Promise.all(replicas.map((l) => l.close()));
    }
  });

  it("records one merge when two replicas receive the same webhook at once", async () => {
    const { url, schema } = await freshSchemaUrl();
    const replicas: Ledger[] = await Promise.all([openLedger({ databaseUrl: url }), openLedger({ databaseUrl: url })]);
    const merge: MergeRecord = {
      owner: "acme",
      repo: "api",
      pr: 1,
      headSha: "a".repeat(40),
      mergeCommitSha: "b".repeat(40),
      agents: ["claude-code", "copilot"],
      mergedAt: new Date("2026-05-01T00:00:00Z"),
    };
    try {
      const inserted = await Promise.all([...replicas, ...replicas].map((l) => l.recordMerge(merge)));
      const { rows } = await admin.query(`select count(*)::int as n from ${schema}.merge_agents`);
      expect([inserted.filter(Boolean).length, rows[0].n]).toEqual([1, 2]);
    } finally {
      await Promise.all(replicas.map((l) => l.close()));
    }
  });

  it("reports the postgres driver", async () => {
    const { url } = await freshSchemaUrl();
    const ledger = await openLedger({ databaseUrl: url });
    await ledger.close();
    expect(ledger.driver).toBe("postgres");
  });
});
