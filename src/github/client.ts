/**
 * The slice of Octokit the adapter uses. A Probot installation client, the command line's
 * `@octokit/rest` client and a test client all fit; nothing here depends on plugins
 * (pagination is done by hand so the request count stays visible). Every GitHub request of
 * the app and the command line is made by a file in this folder, through this type.
 */
import type { Octokit } from "@octokit/rest";

export type GitHubClient = Pick<Octokit, "request" | "graphql">;

/** The HTTP status of an Octokit `RequestError`, or undefined for anything else. */
export function httpStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" ? status : undefined;
}
