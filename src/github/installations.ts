/** Which installation of this app covers a repository (the console reads pull requests through it), cached. */
import type { GitHubClient } from "./client.js";
import { httpStatus } from "./client.js";

export class InstallationLookup {
  private readonly known = new Map<string, { id: number | null; at: number }>();

  constructor(
    private readonly appClient: () => Promise<GitHubClient>,
    private readonly ttlMs = 5 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** null when the app is not installed on the repository (or it does not exist). */
  async installationId(owner: string, repo: string): Promise<number | null> {
    const key = `${owner}/${repo}`.toLowerCase();
    const hit = this.known.get(key);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.id;
    let id: number | null;
    try {
      const { data } = await (await this.appClient()).request("GET /repos/{owner}/{repo}/installation", { owner, repo });
      id = Number(data.id);
    } catch (error) {
      if (httpStatus(error) !== 404) throw error;
      id = null;
    }
    this.known.set(key, { id, at: this.now() });
    if (this.known.size > 10_000) this.known.delete(this.known.keys().next().value!);
    return id;
  }
}
