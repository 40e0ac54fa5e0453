/**
 * GitHub requests per evaluation (goal: one GraphQL read, one check-run write —
 * never more than 3 in steady state), counted on the simulator while the real server
 * evaluates: a fresh PR, steady-state re-evaluations (a second push, a review, an event that
 * changes nothing), and how the count grows with the size of the PR.
 */
import type { Sandbox } from "../tools/sandbox/sandbox.js";
import type { CommitSpec, FileSpec, PullRecord, RecordedRequest } from "@agent-governance/github-simulator";

const SENIOR_POLICY = `version: 1
rules:
  - name: senior approval
    require:
      approvals: 1
      from: { teams: [senior-engineers] }
`;
const CLAUDE = "Co-Authored-By: Claude <noreply@anthropic.com>";

export interface RequestCount {
  scenario: string;
  requests: number;
  /** "POST /graphql ×1, PATCH /repos/{owner}/{repo}/check-runs/{check_run_id} ×1". */
  breakdown: string;
}

let repos = 0;

function setUp(sandbox: Sandbox): string {
  const { world } = sandbox;
  if (!world.orgs.has("bench")) {
    world.addOrg("bench", { members: ["alice", "bob", "carol"] });
    world.addTeam("bench", "senior-engineers", ["carol"]);
  }
  repos += 1;
  const repo = `bench/requests-${repos}`;
  world.addRepo("bench", `requests-${repos}`, { files: { ".agent-governance.yml": SENIOR_POLICY } });
  for (const login of ["alice", "bob", "carol"]) world.setPermission(repo, login, "write");
  return repo;
}

/** Requests the app made with its installation token while `act` ran and the app settled. */
async function count(sandbox: Sandbox, scenario: string, act: () => Promise<unknown>): Promise<RequestCount> {
  await sandbox.settle();
  sandbox.sim.resetRequests();
  await act();
  await sandbox.settle();
  const made = sandbox.sim.requests().filter((r) => r.auth === "installation");
  return { scenario, requests: made.length, breakdown: breakdown(made) };
}

function breakdown(requests: RecordedRequest[]): string {
  const counts = new Map<string, number>();
  for (const r of requests) {
    const key = `${r.method} ${r.route ?? r.path}${r.status >= 400 ? ` (${r.status})` : ""}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => `${key} ×${n}`).join(", ");
}

function commits(n: number, files: FileSpec[]): { commits: CommitSpec[]; files: FileSpec[] } {
  return {
    commits: Array.from({ length: n }, (_, i) => ({ message: `Step ${i + 1}\n\n${CLAUDE}\n` })),
    files,
  };
}

const manyFiles = (n: number): FileSpec[] => Array.from({ length: n }, (_, i) => ({ path: `src/area-${i % 30}/file-${i}.ts`, additions: 3 }));

export async function benchRequests(sandbox: Sandbox): Promise<{ steady: RequestCount[]; growth: RequestCount[] }> {
  const { world } = sandbox;
  const steady: RequestCount[] = [];
  const repo = setUp(sandbox);
  let pr!: PullRecord;
  steady.push(
    await count(sandbox, "fresh AI PR: opened (first evaluation, team not cached)", async () => {
      pr = world.openPullRequest({ repo, author: "alice", head: "agent/a", commits: [{ message: `Add a\n\n${CLAUDE}\n` }] });
      await sandbox.sim.deliver("pull_request", "opened", { pr });
    }),
  );
  steady.push(
    await count(sandbox, "first push: synchronize (new head SHA)", async () => {
      world.push(pr, [{ message: `More a\n\n${CLAUDE}\n` }]);
      await sandbox.sim.deliver("pull_request", "synchronize", { pr });
    }),
  );
  steady.push(
    await count(sandbox, "steady state: second synchronize (new head SHA)", async () => {
      world.push(pr, [{ message: `Even more a\n\n${CLAUDE}\n` }]);
      await sandbox.sim.deliver("pull_request", "synchronize", { pr });
    }),
  );
  steady.push(
    await count(sandbox, "steady state: a review (same head, verdict changes)", async () => {
      world.addReview(pr, { user: "bob", state: "APPROVED" });
      await sandbox.sim.deliver("pull_request_review", "submitted", { pr, sender: "bob" });
    }),
  );
  steady.push(
    await count(sandbox, "steady state: re-run with nothing changed", async () => {
      await sandbox.sim.deliver("check_run", "rerequested", { pr });
    }),
  );
  steady.push(
    await count(sandbox, "fresh human PR: opened", async () => {
      const human = world.openPullRequest({ repo: setUp(sandbox), author: "bob", head: "fix/b", commits: [{ message: "Fix b" }] });
      await sandbox.sim.deliver("pull_request", "opened", { pr: human });
    }),
  );

  const growth: RequestCount[] = [];
  for (const [n, files] of [
    [100, 100],
    [100, 3000],
    [250, 3000],
    [1000, 3000],
  ] as const) {
    const big = setUp(sandbox);
    let large!: PullRecord;
    growth.push(
      await count(sandbox, `${n} commits, ${files} files: opened`, async () => {
        large = world.openPullRequest({ repo: big, author: "alice", head: "agent/big", ...commits(n, manyFiles(files)) });
        await sandbox.sim.deliver("pull_request", "opened", { pr: large });
      }),
    );
    growth.push(
      await count(sandbox, `${n} commits, ${files} files: a review`, async () => {
        world.addReview(large, { user: "carol", state: "APPROVED" });
        await sandbox.sim.deliver("pull_request_review", "submitted", { pr: large, sender: "carol" });
      }),
    );
  }
  return { steady, growth };
}
