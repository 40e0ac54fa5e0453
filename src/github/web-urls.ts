/** Where GitHub's web pages (OAuth) and REST API are: github.com, or a GitHub Enterprise Server (GHE_HOST). */
export interface GitHubUrls {
  /** e.g. https://github.com — OAuth authorize and token endpoints, blob links. */
  web: string;
  /** e.g. https://api.github.com */
  api: string;
}

export function githubUrlsFromEnv(env: NodeJS.ProcessEnv): GitHubUrls {
  const host = env.GHE_HOST?.trim();
  if (!host) return { web: "https://github.com", api: "https://api.github.com" };
  const web = `${env.GHE_PROTOCOL?.trim() || "https"}://${host}`;
  return { web, api: `${web}/api/v3` };
}
