/**
 * With the web console configured, the merge group's check run links to the console page of the
 * pull request its branch names (`gh-readonly-queue/<base>/pr-<N>-<sha>`), as a pull request's
 * own check run links to its page. Without the console it carries no link (test/app/merge-group.test.ts).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { CONSOLE_VARIABLES } from "../../src/console/settings.js";
import { openLedger, type Ledger } from "../../src/ledger/index.js";
import { SHA_1, SHA_2, mergeGroupEvent, type PullRequestSpec } from "./fixtures.js";
import { type Harness, releaseNock, startApp } from "./harness.js";

const GROUP_HEAD = "b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2";
const PUBLIC_URL = "https://governance.acme.test";
const CONSOLE_ENV = {
  GOVERNANCE_PUBLIC_URL: `${PUBLIC_URL}/`,
  GITHUB_CLIENT_ID: "Iv1.console-test",
  GITHUB_CLIENT_SECRET: "console-test-client-secret",
  GOVERNANCE_SESSION_SECRET: "s".repeat(32),
};

const human = (number: number, headSha: string): PullRequestSpec => ({
  number,
  headSha,
  author: "alice",
  commits: [{ sha: headSha, message: `Refactor part ${number}` }],
});

let h: Harness;
let ledger: Ledger;
const saved = new Map(CONSOLE_VARIABLES.map((name) => [name, process.env[name]]));
beforeAll(() => {
  nock.disableNetConnect();
  Object.assign(process.env, CONSOLE_ENV);
});
afterAll(() => {
  releaseNock();
  for (const [name, value] of saved) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});
beforeEach(async () => {
  ledger = await openLedger({ sqliteFile: ":memory:" });
  h = await startApp({ ledger });
  h.api.token();
});
afterEach(async () => {
  h.api.dispose();
  await ledger.close();
});

describe("merge_group.checks_requested with the console configured", () => {
  it("links the group's check run to the console page of the pull request its branch names", async () => {
    const queue = [
      { position: 1, number: 7, headSha: SHA_1, groupHead: "a1".repeat(20) },
      { position: 2, number: 8, headSha: SHA_2, groupHead: GROUP_HEAD },
    ];
    h.api.mergeQueue("main", queue).facts(human(7, SHA_1)).facts(human(8, SHA_2)).listCheckRuns(GROUP_HEAD).createCheckRun(50);

    await h.deliver("merge_group", mergeGroupEvent("checks_requested", { headSha: GROUP_HEAD, lastPullRequest: 8 }));

    h.api.verify();
    expect(h.api.lastCheckRun()).toMatchObject({ head_sha: GROUP_HEAD, conclusion: "success", details_url: `${PUBLIC_URL}/acme/api/pull/8` });
  });

  it("links the blocking run to that page too when the queue cannot be read", async () => {
    h.api.scope().post("/graphql", (body) => /query MergeQueueEntries/.test(body.query)).reply(503, { message: "Server Error" });
    h.api.listCheckRuns(GROUP_HEAD).createCheckRun(50);

    await h.deliver("merge_group", mergeGroupEvent("checks_requested", { headSha: GROUP_HEAD, lastPullRequest: 8 }));

    h.api.verify();
    expect(h.api.lastCheckRun()).toMatchObject({ head_sha: GROUP_HEAD, conclusion: "failure", details_url: `${PUBLIC_URL}/acme/api/pull/8` });
  });
});
