/**
 * "Per-installation throttle ids, so one organisation's writes never queue behind another's."
 * Octokit's throttling plugin serialises writes (and GraphQL) per throttle id, one a second.
 * Probot gives each installation client the installation id as its throttle id; these tests
 * pin that down, since the app relies on it rather than configuring it.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { generateKeyPairSync } from "node:crypto";
import nock from "nock";
import { Probot } from "probot";
import type { GitHubClient } from "../../src/github/client.js";
import { API } from "./octokit.js";

// Generated per run: no key material in the repository.
const { privateKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});

const probot = new Probot({ appId: 123, privateKey, logLevel: "fatal" });

function installationToken(installationId: number) {
  nock(API)
    .post(`/app/installations/${installationId}/access_tokens`)
    .reply(201, { token: `token-${installationId}`, expires_at: "2999-01-01T00:00:00Z", permissions: {}, repository_selection: "all" });
}

/** Time (ms since start) at which each of two label writes completes. */
async function twoWrites(first: number, second: number): Promise<number[]> {
  nock(API).post(/\/repos\/[^/]+\/api\/issues\/1\/labels/).times(2).reply(200, []);
  // Also proves, at compile time, that a Probot installation client is a GitHubClient.
  const clients: GitHubClient[] = [await probot.auth(first), await probot.auth(second)];
  const start = Date.now();
  return Promise.all(
    clients.map((octokit, i) =>
      octokit
        .request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", { owner: `org${i}`, repo: "api", issue_number: 1, labels: ["x"] })
        .then(() => Date.now() - start),
    ),
  );
}

beforeAll(() => {
  nock.disableNetConnect();
  for (const id of [1001, 2002]) installationToken(id);
});
afterAll(() => nock.cleanAll());

describe("per-installation throttling", () => {
  it("writes of two installations do not wait for each other", async () => {
    const done = await twoWrites(1001, 2002);
    expect(Math.max(...done)).toBeLessThan(900);
  });

  it("writes of one installation are spaced by the write limiter (the control)", async () => {
    const done = await twoWrites(1001, 1001);
    expect(Math.max(...done)).toBeGreaterThanOrEqual(900);
  });
});
