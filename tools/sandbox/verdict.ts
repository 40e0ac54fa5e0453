/**
 * What the app reported on a pull request, read from the simulator's world: the
 * `agent-governance` check run on the current head commit, as a reviewer would see it.
 */
import { CHECK_NAME } from "../../src/github/check-name.js";
import type { CheckRunRecord, PullRef, World } from "@agent-governance/github-simulator";

export interface Verdict {
  headSha: string;
  /** The latest of the app's runs on the head commit; undefined when it wrote none. */
  run: CheckRunRecord | undefined;
  /** How many `agent-governance` runs the app created on the head commit. */
  runCount: number;
  conclusion: string | null;
  title: string;
  summary: string;
}

/** The app's check runs named `agent-governance` on `sha`, oldest first. */
export function governanceRuns(world: World, repo: string, sha: string): CheckRunRecord[] {
  return world.checkRunsFor(repo, sha).filter((run) => run.name === CHECK_NAME && run.appId === world.appId);
}

export function verdictOf(world: World, pr: PullRef): Verdict {
  const headSha = world.headSha(pr);
  const runs = governanceRuns(world, pr.repo, headSha);
  const run = runs[runs.length - 1];
  return {
    headSha,
    run,
    runCount: runs.length,
    conclusion: run ? (run.conclusion ?? run.status) : null,
    title: run?.output.title ?? "",
    summary: run?.output.summary ?? "",
  };
}
