/** What scenarios pass to the World: pull requests, commits, files, check runs. */
import type { CheckRunRecord, CheckStatus, FileStatus } from "./records.js";

/** A pull request: the record returned by `openPullRequest`, or just its address. */
export interface PullRef {
  repo: string;
  number: number;
}

export interface PersonSpec {
  name: string;
  email: string;
  /** Link the identity to this account (otherwise resolved from the e-mail). */
  login?: string;
  date?: string;
}

export interface FileSpec {
  path: string;
  /** New text; omitted = synthetic lines (`additions` of them). */
  content?: string;
  additions?: number;
  deletions?: number;
  status?: FileStatus;
  previousPath?: string;
}

export interface CommitSpec {
  message: string;
  /** Default: the pull request author (or the pusher) with their noreply e-mail. */
  author?: PersonSpec;
  /** Default: the author. */
  committer?: PersonSpec;
  files?: FileSpec[];
  /** Signature state: omitted/null = unsigned. */
  verified?: boolean | null;
}

export interface PullRequestSpec {
  repo: string;
  author: string;
  head: string;
  /** Default: the repository's default branch. */
  base?: string;
  title?: string;
  body?: string;
  draft?: boolean;
  /** Empty: open it from the existing branch `head` (its commits the base lacks). */
  commits: CommitSpec[];
  /** Files changed by the pull request as a whole; applied by its last commit. */
  files?: FileSpec[];
  /** Labels applied at creation (by the author unless given as {name, by}). */
  labels?: (string | { name: string; by: string })[];
}

export interface CheckRunSpec {
  headSha: string;
  name: string;
  status?: CheckStatus;
  conclusion?: string | null;
  /** App slug or id; default: GitHub Actions. */
  app?: string | number;
  detailsUrl?: string | null;
  externalId?: string | null;
  output?: { title?: string | null; summary?: string | null; text?: string | null; annotations?: CheckRunRecord["output"]["annotations"] };
  actions?: CheckRunRecord["actions"];
  startedAt?: string;
  completedAt?: string | null;
}

export interface WorldOptions {
  /** The GitHub App that gets installed on every account (startSimulator passes its appId). */
  appId?: number;
  appSlug?: string;
  /** Clock for every timestamp; default real time (made strictly increasing). */
  now?: () => Date;
}
