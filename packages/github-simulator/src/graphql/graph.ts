/**
 * What the node builders (commit.ts, pull-request.ts, merge-queue.ts) need from the model.
 * GitHub's graph is cyclic — a commit names its pull requests, a pull request its commits — so
 * the builders reach one another through the model instead of importing one another.
 */
import type { AccountRecord, PullRecord, RepoRecord, TeamRecord } from "../world/records.js";
import type { World } from "../world/world.js";

type Node = Record<string, unknown>;

export interface Graph {
  readonly world: World;
  /** The simulator's web URL, the base of every html URL. */
  readonly web: string;
  account(account: AccountRecord): Node;
  accountByLogin(login: string | null): Node | null;
  team(team: TeamRecord): Node;
  label(repo: RepoRecord, name: string): Node;
  app(appId: number): Node | null;
  repository(repo: RepoRecord): Node;
  ref(repo: RepoRecord, name: string): Node | null;
  gitObject(repo: RepoRecord, expression: string): Node | null;
  treeEntry(repo: RepoRecord, sha: string, path: string): Node | null;
  commit(repo: RepoRecord, sha: string): Node | null;
  pullRequest(repo: RepoRecord, pull: PullRecord): Node;
}
