/**
 * The Octokit class the server gives Probot. Probot already keys its throttling by
 * installation, so one organisation's writes never queue behind another's; what we tune is
 * the spacing of "write" requests (the throttling plugin counts every GraphQL query as one).
 * GitHub's guidance is about one content-creating request per second per installation, which
 * stays the default; GOVERNANCE_WRITE_INTERVAL_MS lowers it for a local GitHub simulator, and
 * never applies when REDIS_URL shares throttling across replicas.
 */
import Bottleneck from "bottleneck";
import { ProbotOctokit } from "probot";

export function governanceOctokit(env: NodeJS.ProcessEnv): typeof ProbotOctokit {
  const interval = env.GOVERNANCE_WRITE_INTERVAL_MS;
  if (interval === undefined || interval === "" || env.REDIS_URL) return ProbotOctokit;
  const minTime = Number(interval);
  if (!Number.isFinite(minTime) || minTime < 0) {
    throw new Error(`GOVERNANCE_WRITE_INTERVAL_MS must be a number of milliseconds ≥ 0, got "${interval}"`);
  }
  const write = new Bottleneck.Group({ id: "agent-governance-write", maxConcurrent: minTime > 0 ? 1 : 10, minTime });
  // A function, not an object: Probot passes its own `throttle` per instance, and an object
  // default would be replaced by it wholesale.
  return ProbotOctokit.defaults((options: Record<string, unknown>) => ({
    ...options,
    throttle: { ...(options.throttle as object), write },
  }));
}
