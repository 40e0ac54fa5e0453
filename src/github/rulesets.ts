/**
 * Rulesets of a repository (owner and repo) or of an organisation (owner alone): find one by
 * name, create or replace it, and say in plain words why GitHub refused.
 */
import type { GitHubClient } from "./client.js";

export interface RulesetScope {
  owner: string;
  /** Absent: the organisation's rulesets. */
  repo?: string;
}

interface RulesetSummary {
  id: number;
  name: string;
  source_type?: string;
}

function rulesetsPath(scope: RulesetScope): { path: string; params: Record<string, string> } {
  return scope.repo
    ? { path: "/repos/{owner}/{repo}/rulesets", params: { owner: scope.owner, repo: scope.repo } }
    : { path: "/orgs/{org}/rulesets", params: { org: scope.owner } };
}

/** The scope's own ruleset of that name, in full (an organisation's is not the repository's). */
export async function findRuleset(octokit: GitHubClient, scope: RulesetScope, name: string): Promise<unknown | null> {
  const { path, params } = rulesetsPath(scope);
  const ownSource = scope.repo ? "Repository" : "Organization";
  for (let page = 1; ; page += 1) {
    const { data } = await octokit.request(`GET ${path}`, {
      ...params,
      per_page: 100,
      page,
      ...(scope.repo ? { includes_parents: false } : {}),
    });
    const rulesets = data as RulesetSummary[];
    const found = rulesets.find((ruleset) => ruleset.name === name && (ruleset.source_type ?? ownSource) === ownSource);
    if (found) return (await octokit.request(`GET ${path}/{ruleset_id}`, { ...params, ruleset_id: found.id })).data;
    if (rulesets.length < 100) return null;
  }
}

/** Creates the ruleset (no id) or replaces ruleset `id`; returns its id. */
export async function writeRuleset(octokit: GitHubClient, scope: RulesetScope, body: object, id?: number): Promise<number> {
  const { path, params } = rulesetsPath(scope);
  const response =
    id === undefined
      ? await octokit.request(`POST ${path}`, { ...params, ...body })
      : await octokit.request(`PUT ${path}/{ruleset_id}`, { ...params, ruleset_id: id, ...body });
  return Number((response.data as { id?: number }).id ?? id);
}

/** Why GitHub refused to `what` (read or write rulesets), and what to do about it. */
export function rulesetFailure(error: unknown, what: string): string {
  const status = (error as { status?: unknown }).status;
  const response = (error as { response?: { data?: { message?: string; errors?: unknown[] } } }).response?.data;
  if (status === 401) return `GitHub refused the credentials (HTTP 401): check GITHUB_TOKEN`;
  if (status === 403 || status === 404) {
    return `cannot ${what} (HTTP ${status}): rulesets need an administrator's token (administration: write on the repository, or an organisation owner)`;
  }
  if (status === 422) {
    const details = (response?.errors ?? []).map((entry) => (typeof entry === "string" ? entry : JSON.stringify(entry)));
    return `GitHub rejected the ruleset (HTTP 422): ${[response?.message ?? "validation failed", ...details].join("; ")}`;
  }
  return `could not ${what}: ${error instanceof Error ? error.message : String(error)}`;
}
