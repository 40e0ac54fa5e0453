/**
 * The CLI only ever reads GitHub (`explain` is a dry run; `backfill` and `trust`
 * read). This hook makes that a property of the client rather than of careful code: any
 * request that could change something is refused before it leaves the machine.
 */
import type { Octokit } from "@octokit/core";

export class WriteRefusedError extends Error {
  override name = "WriteRefusedError";
}

/** Reads that use POST: GraphQL queries, and an App exchanging its key for an installation token. */
const POST_READS = [/\/graphql$/, /\/app\/installations\/(?:\{installation_id\}|\d+)\/access_tokens$/];
// A GraphQL document's first operation keyword, after comments and whitespace.
const MUTATION = /^(?:\s|#[^\n]*\n)*(?:mutation|subscription)\b/;

export function isWrite(request: { method: string; url: string; query?: unknown }): boolean {
  const method = request.method.toUpperCase();
  if (method === "GET" || method === "HEAD") return false;
  if (method !== "POST" || !POST_READS.some((read) => read.test(request.url))) return true;
  return typeof request.query === "string" && MUTATION.test(request.query);
}

export function refuseWrites(octokit: Pick<Octokit, "hook">): void {
  octokit.hook.before("request", (options) => {
    const request = options as unknown as { method: string; url: string; query?: unknown };
    if (isWrite(request)) {
      throw new WriteRefusedError(`refused ${request.method} ${request.url}: the CLI never writes to GitHub`);
    }
  });
}
