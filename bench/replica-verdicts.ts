/**
 * After the load: is every pull request's check run what a fresh evaluation of its final state
 * says, and did any head commit get two of the app's check runs? The fresh evaluation runs the
 * app's own read path in this process (decidePullRequest → renderCheckRun) with the app's own
 * credentials against the simulator, writing nothing.
 */
import { createAppAuth } from "@octokit/auth-app";
import { Octokit } from "@octokit/rest";
import { pino } from "pino";
import { governanceRuns, verdictOf } from "../tools/sandbox/verdict.js";
import { createMetrics } from "../src/observability/metrics.js";
import { createPipelineContext } from "../src/pipeline/context.js";
import { decidePullRequest } from "../src/pipeline/decide-pull-request.js";
import { renderCheckRun } from "../src/report/check-run.js";
import type { PullRecord } from "@agent-governance/github-simulator";
import type { Cluster } from "./replica-cluster.js";

export interface Shown {
  conclusion: string | null;
  title: string;
}

export interface VerdictComparison {
  checked: number;
  matching: number;
  mismatches: Array<{ pr: string; headSha: string; reported: Shown; fresh: Shown }>;
  /** Head commits with more than one of the app's check runs. */
  duplicateRuns: Array<{ pr: string; sha: string; runs: number }>;
  /** PR → "conclusion: title" shown, to compare two runs of the same story. */
  shownByPullRequest: Array<[string, string]>;
  /** Final conclusions, for the report. */
  conclusions: Record<string, number>;
}

export async function compareWithFreshEvaluations(cluster: Cluster, pulls: PullRecord[]): Promise<VerdictComparison> {
  const world = cluster.sim.world;
  const ctx = createPipelineContext({ appId: cluster.appId, ledger: null, metrics: createMetrics(), log: pino({ level: "silent" }) });
  const clients = new Map<number, Octokit>();
  const clientFor = (installationId: number) => {
    let client = clients.get(installationId);
    if (!client) {
      client = new Octokit({
        baseUrl: `${cluster.sim.url}/api/v3`,
        authStrategy: createAppAuth,
        auth: { appId: cluster.appId, privateKey: cluster.privateKey, installationId },
        log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
      });
      clients.set(installationId, client);
    }
    return client;
  };

  const comparison: VerdictComparison = { checked: 0, matching: 0, mismatches: [], duplicateRuns: [], shownByPullRequest: [], conclusions: {} };
  for (const pr of pulls) {
    const name = `${pr.repo}#${pr.number}`;
    const [owner, repo] = pr.repo.split("/");
    const installationId = world.installationFor(owner)!.id;
    const decided = await decidePullRequest(ctx, clientFor(installationId), { owner, repo, number: pr.number });
    const verdict = verdictOf(world, pr);
    const reported: Shown = { conclusion: verdict.conclusion, title: verdict.title };
    let fresh: Shown = { conclusion: null, title: "" };
    if (decided.decision) {
      const output = renderCheckRun(decided.decision);
      fresh = { conclusion: output.status === "completed" ? (output.conclusion ?? "failure") : output.status, title: output.title };
    }
    comparison.checked++;
    comparison.shownByPullRequest.push([name, `${reported.conclusion}: ${reported.title}`]);
    comparison.conclusions[reported.conclusion ?? "none"] = (comparison.conclusions[reported.conclusion ?? "none"] ?? 0) + 1;
    if (reported.conclusion === fresh.conclusion && reported.title === fresh.title) comparison.matching++;
    else comparison.mismatches.push({ pr: name, headSha: verdict.headSha, reported, fresh });

    for (const sha of new Set(world.commitsOf(pr).map((c) => c.sha))) {
      const runs = governanceRuns(world, pr.repo, sha).length;
      if (runs > 1) comparison.duplicateRuns.push({ pr: name, sha, runs });
    }
  }
  return comparison;
}
