/** Probot's own stack end to end: a delivered webhook is verified, the app authenticates and writes back. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { pino } from "pino";
import { Probot, createNodeMiddleware, type ApplicationFunction } from "probot";
import type { PullRecord } from "../src/index.js";
import { APP_ID, PRIVATE_KEY, WEBHOOK_SECRET, startFixture, type Fixture } from "./fixture.js";

let f: Fixture;
let server: Server;
let pr: PullRecord;

/** A tiny app: on pull_request.opened, read the PR through GraphQL and post a check run. */
const appFn: ApplicationFunction = (app) => {
  app.on("pull_request.opened", async (context) => {
    const { owner, repo } = context.repo();
    const { repository } = await context.octokit.graphql<{ repository: { pullRequest: { headRefOid: string } } }>(
      `query Head($owner: String!, $repo: String!, $number: Int!) { repository(owner: $owner, name: $repo) { pullRequest(number: $number) { headRefOid } } }`,
      { owner, repo, number: context.payload.pull_request.number },
    );
    await context.octokit.request("POST /repos/{owner}/{repo}/check-runs", {
      owner,
      repo,
      name: "probe",
      head_sha: repository.pullRequest.headRefOid,
      conclusion: "success",
      output: { title: "ok", summary: "seen" },
    });
  });
};

beforeAll(async () => {
  f = await startFixture();
  pr = f.sim.world.openPullRequest({ repo: "acme/widgets", author: "carol", head: "feature/probe", commits: [{ message: "probe" }] });
  const probot = new Probot({
    appId: APP_ID,
    privateKey: PRIVATE_KEY,
    secret: WEBHOOK_SECRET,
    baseUrl: `${f.sim.url}/api/v3`,
    log: pino({ level: "silent" }),
  });
  const middleware = await createNodeMiddleware(appFn, { probot });
  server = createServer((req, res) => void middleware(req, res, () => res.writeHead(404).end()));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  f.sim.appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`;
});
afterAll(async () => {
  await f.sim.close();
  await new Promise((resolve) => server.close(resolve));
});

describe("Probot against the simulator", () => {
  it("accepts the signed delivery and writes a check run on the head commit", async () => {
    f.sim.resetRequests();
    const delivery = await f.sim.deliver("pull_request", "opened", { pr });
    expect(delivery.status).toBe(200);
    const runs = f.sim.world.checkRunsFor("acme/widgets", f.sim.world.headSha(pr));
    expect(runs).toEqual([expect.objectContaining({ name: "probe", conclusion: "success", appId: APP_ID })]);
    expect(f.sim.requests().map((r) => `${r.method} ${r.route} ${r.status}`)).toEqual([
      "POST /app/installations/{installation_id}/access_tokens 201",
      "POST /graphql 200",
      "POST /repos/{owner}/{repo}/check-runs 201",
    ]);
  });

  it("rejects a delivery signed with another secret", async () => {
    const forged = await fetch(f.sim.appUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": "pull_request",
        "x-github-delivery": "forged",
        "x-hub-signature-256": "sha256=0000000000000000000000000000000000000000000000000000000000000000",
      },
      body: JSON.stringify(f.sim.payload("pull_request", "opened", { pr })),
    });
    expect(forged.status).toBeGreaterThanOrEqual(400);
    expect(f.sim.world.checkRunsFor("acme/widgets", f.sim.world.headSha(pr))).toHaveLength(1);
  });
});
