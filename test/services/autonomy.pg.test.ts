/**
 * The graduated-autonomy story of test/e2e/autonomy.test.ts with the ledger in PostgreSQL
 * (DATABASE_URL), through the real server and the simulator. Each run creates its own
 * database and drops it afterwards. Needs postgres://postgres@127.0.0.1:5432/test (or
 * LEDGER_TEST_DATABASE_URL) and a build (`npm run test:services` builds first).
 */
import { afterAll, beforeAll, describe, expect, it, jest } from "@jest/globals";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startSandbox, type Sandbox } from "../../tools/sandbox/sandbox.js";
import { AutonomyStory } from "../e2e/autonomy-story.js";

const SERVER = process.env.LEDGER_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const database = `ag_e2e_${randomBytes(6).toString("hex")}`;
const admin = new pg.Client({ connectionString: SERVER });
let sandbox: Sandbox | undefined;

jest.setTimeout(60_000);

beforeAll(async () => {
  await admin.connect();
  await admin.query(`create database ${database}`);
  const url = new URL(SERVER);
  url.pathname = `/${database}`;
  sandbox = await startSandbox({ env: { DATABASE_URL: url.toString() } });
}, 60_000);

afterAll(async () => {
  await sandbox?.close();
  await admin.query(`drop database if exists ${database} with (force)`);
  await admin.end();
}, 30_000);

describe("an agent's track record on the PostgreSQL ledger", () => {
  it("uses PostgreSQL", async () => {
    expect((await sandbox!.app.health()).ledger).toMatchObject({ driver: "postgres", reachable: true });
  });

  it("asks one approval once the agent has three merged PRs", async () => {
    const story = new AutonomyStory(sandbox!);
    await story.mergeSeveral(3);
    const verdict = story.verdict(await story.open());
    expect(verdict.title).toMatch(/1 approval\b/);
    expect(verdict.summary).toMatch(/claude-code<\/code>: established — 3 merged, 0 reverted/);
  });

  it("asks two approvals again after a revert commit is pushed to the default branch", async () => {
    const story = new AutonomyStory(sandbox!);
    const merges = await story.mergeSeveral(3);
    const pr = await story.open();
    expect(story.verdict(pr).title).toMatch(/1 approval\b/);

    await story.revertByPush(merges[0]);
    await story.reevaluate(pr);

    const verdict = story.verdict(pr);
    expect(verdict.title).toMatch(/2 approvals/);
    expect(verdict.summary).toMatch(/claude-code<\/code>: new — 3 merged, 1 reverted/);
  });

  it("keeps the track record when the server restarts", async () => {
    const story = new AutonomyStory(sandbox!);
    await story.mergeSeveral(3);
    await sandbox!.restartApp();
    expect(story.verdict(await story.open()).title).toMatch(/1 approval\b/);
  });
});
