/** A real Octokit against nock: no retry or throttle plugins, so request counts are exact. */
import { afterAll, afterEach, beforeAll } from "@jest/globals";
import { Octokit } from "@octokit/rest";
import nock from "nock";

export const API = "https://api.github.com";

const quiet = () => undefined;
/** Octokit logs every non-2xx response; the tests provoke those on purpose. */
const silent = { debug: quiet, info: quiet, warn: quiet, error: quiet };

export function testOctokit(): Octokit {
  return new Octokit({ auth: "test-installation-token", log: silent });
}

/** The operation name of a GraphQL request body ("PullRequestFacts", "PullRequestCommitsPage", …). */
export function graphqlOperation(body: unknown): string | undefined {
  const query = (body as { query?: string } | null)?.query ?? "";
  return /query (\w+)/.exec(query)?.[1];
}

/** No real network in this file's tests; nock cleared after each and released after all. */
export function useNock(): void {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());
  afterAll(() => {
    nock.enableNetConnect();
    nock.restore();
    nock.activate();
  });
}
