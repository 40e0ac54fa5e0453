/** Where GitHub's web pages (OAuth) and REST API are: github.com, or a GitHub Enterprise Server (GHE_HOST). */
export interface GitHubUrls {
  /** e.g. https://github.com — OAuth authorize and token endpoints, blob links. */
  web: string;
  /** e.g. https://api.github.com */
  api: string;
}

/** A GHE_PROTOCOL that no GitHub speaks: the server refuses to start, the CLI to open a client. */
export class GitHubUrlsError extends Error {
  override name = "GitHubUrlsError";
}

/** Throws GitHubUrlsError for a GHE_PROTOCOL other than https or http, set with or without GHE_HOST. */
export function githubUrlsFromEnv(env: NodeJS.ProcessEnv): GitHubUrls {
  const protocol = env.GHE_PROTOCOL?.trim() || "https";
  if (protocol !== "https" && protocol !== "http") {
    throw new GitHubUrlsError(`GHE_PROTOCOL must be "https" or "http", got ${JSON.stringify(env.GHE_PROTOCOL)}`);
  }
  const host = env.GHE_HOST?.trim();
  if (!host) return { web: "https://github.com", api: "https://api.github.com" };
  const web = `${protocol}://${host}`;
  return { web, api: `${web}/api/v3` };
}
