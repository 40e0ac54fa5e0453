/**
 * `backfill`, `trust` and `explain` against the project's GitHub simulator (GitHub Enterprise
 * URLs, real REST and GraphQL shapes) rather than hand-written nock answers.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { generateKeyPairSync } from "node:crypto";
import { startSimulator, type Simulator } from "@agent-governance/github-simulator";
import { runWith, workspace, type Workspace } from "./ledger-cli.js";

const POLICY = `version: 1
autonomy:
  tiers:
    - { name: established, min_merged: 1, max_revert_rate: 0 }
  demote_on_revert_days: 14
rules:
  - name: senior approval
    when: { tier: [new] }
    require: { approvals: 1 }
`;
const CLAUDE = "Co-authored-by: Claude <noreply@anthropic.com>";

let sim: Simulator;
let ws: Workspace;
let openPr = 0;

beforeAll(async () => {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
  sim = await startSimulator({ appId: 4343, privateKey, webhookSecret: "cli-test" });
  const { world } = sim;
  world.addOrg("acme", { members: ["alice", "bob"] });
  world.addRepo("acme", "api", { files: { "README.md": "# api\n", ".agent-governance.yml": POLICY } });
  world.setPermission("acme/api", "bob", "write");
  // #1 and #2 co-authored by Claude Code; #3 reverts #1.
  for (const [head, message] of [["feature-a", `Add A\n\n${CLAUDE}\n`], ["feature-b", `Add B\n\n${CLAUDE}\n`]]) {
    const pull = world.openPullRequest({ repo: "acme/api", author: "alice", head, commits: [{ message, files: [{ path: `src/${head}.ts`, additions: 3 }] }] });
    world.merge(pull, { by: "bob" });
  }
  const revert = world.openPullRequest({ repo: "acme/api", author: "alice", head: "revert-a", title: 'Revert "Add A"', body: "Reverts acme/api#1", commits: [{ message: 'Revert "Add A"', files: [{ path: "src/feature-a.ts", status: "removed" }] }] });
  world.merge(revert, { by: "bob" });
  openPr = world.openPullRequest({ repo: "acme/api", author: "alice", head: "feature-c", commits: [{ message: `Add C\n\n${CLAUDE}\n`, files: [{ path: "src/c.ts", additions: 5 }] }] }).number;
  sim.addPersonalToken("cli-token", "alice");
  ws = workspace({ ...sim.env, GITHUB_TOKEN: "cli-token" });
}, 30_000);

afterAll(async () => {
  await sim?.close();
  ws?.remove();
});

describe("the ledger commands against the simulator", () => {
  it("backfill records the two AI-assisted merges and the revert", async () => {
    const run = await runWith(ws.env, ["backfill", "acme/api", "--json"]);
    expect([run.code, JSON.parse(run.stdout)]).toEqual([0, expect.objectContaining({ merged: 3, ai_merges_recorded: 2, reverts_recorded: 1 })]);
  });

  it("trust reads the repository's policy through the API and shows the earned and lost tiers", async () => {
    const report = JSON.parse((await runWith(ws.env, ["trust", "acme/api", "--json"])).stdout);
    expect(report.policy.source).toBe(".agent-governance.yml");
    expect(report.agents).toEqual([expect.objectContaining({ agent: "claude-code", tier: "new", merged: 2, reverted: 1, next: expect.objectContaining({ kind: "demoted" }) })]);
  });

  it("explain evaluates the open pull request with the ledger's tiers, and writes nothing", async () => {
    sim.resetRequests();
    const run = await runWith(ws.env, ["explain", `acme/api#${openPr}`, "--json"]);
    expect(run.code).toBe(1);
    const { decision } = JSON.parse(run.stdout);
    expect([decision.conclusion, decision.tier, decision.rules[0].status]).toEqual(["action_required", "new", "waiting"]);
    expect(sim.requests({ operationName: "PullRequestFacts" })).toHaveLength(1);
    const writes = sim.requests().filter((request) => request.method !== "GET" && !/graphql/.test(request.route ?? ""));
    expect(writes).toEqual([]);
  });
});
