/** A real Octokit against nock: no retry or throttle plugins, so request counts are exact. */
import { Octokit } from "@octokit/rest";

export const API = "https://api.github.com";

const quiet = () => undefined;
/** Octokit logs every non-2xx response; the tests provoke those on purpose. */
const silent = { debug: quiet, info: quiet, warn: quiet, error: quiet };

export function testOctokit(): Octokit {
  return new Octokit({ auth: "test-installation-token", log: silent });
}

/** The operation name of a GraphQL request body ("PullRequestFacts", "PullRequestCommitsPage", …). */
export function graphqlOperation(body: unknown): string | undefined {
  const query = (body as { query?: string }).query ?? "";
  return /query (\w+)/.exec(query)?.[1];
}
