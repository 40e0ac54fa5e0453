/** owner/repo from a remote URL (pure), so local output names teams as the app would. */
const URL_FORM = /^(?:https?|ssh|git):\/\/(?:[^@/]+@)?[^/]+\/([^/]+)\/([^/]+?)(?:\.git)?\/?$/;
const SCP_FORM = /^[^@/]+@[^:/]+:([^/]+)\/([^/]+?)(?:\.git)?\/?$/;

/** null for remotes that are not host/owner/repo (a local path, for instance). */
export function repositoryFromRemote(url: string): { owner: string; repo: string } | null {
  const match = URL_FORM.exec(url.trim()) ?? SCP_FORM.exec(url.trim());
  return match ? { owner: match[1], repo: match[2] } : null;
}
