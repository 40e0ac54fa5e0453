/**
 * GitHub as the app sees it through its real entry point: GraphQL answers to the
 * `PullRequestFacts` query shaped like src/github/facts-query.ts, and webhook payloads taken
 * from @octokit/webhooks-examples (real deliveries), patched to one repository and PR.
 */
import { createRequire } from "node:module";
import type {
  GqlActor,
  GqlBlob,
  GqlCommit,
  GqlGitActor,
  GqlPullRequest,
  GqlReview,
  PullRequestFactsResponse,
} from "../../src/github/facts-query.js";

export const OWNER = "acme";
export const REPO = "api";
export const INSTALLATION_ID = 4242;
export const APP_ID = 123;
export const PR_NUMBER = 7;

export const SHA_1 = "1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
export const SHA_2 = "2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
export const SHA_3 = "3333333ccccccccccccccccccccccccccccccccc";
export const BASE_SHA = "0000000fffffffffffffffffffffffffffffffff";
/** The head a `synchronize` left, unless a test names it. */
export const PREVIOUS_HEAD_SHA = "6666666ddddddddddddddddddddddddddddddddd";

/** People (and machines) in the stories. Ids are made up but stable. */
export const PEOPLE = {
  alice: { login: "alice", id: 5001, name: "Alice Author", email: "alice@acme.test" },
  bob: { login: "bob", id: 5002, name: "Bob Reviewer", email: "bob@acme.test" },
  carol: { login: "carol", id: 5003, name: "Carol Senior", email: "carol@acme.test" },
  dave: { login: "dave", id: 5004, name: "Dave Developer", email: "dave@acme.test" },
  erin: { login: "erin", id: 5005, name: "Erin Committer", email: "erin@acme.test" },
  frank: { login: "frank", id: 5006, name: "Frank Pair", email: "5006+frank@users.noreply.github.com" },
  eve: { login: "eve", id: 5007, name: "Eve Admin", email: "eve@acme.test" },
} as const;
export type Person = keyof typeof PEOPLE;

export const CLAUDE_TRAILER = "Co-Authored-By: Claude <noreply@anthropic.com>";

export interface CommitSpec {
  sha: string;
  message: string;
  /** A person from PEOPLE, or a raw git identity (bots, agents). */
  author?: Person | GqlGitActor;
  committer?: Person | GqlGitActor;
}

export interface ReviewSpec {
  by: Person | { login: string; type: "Bot" | "User"; id?: number };
  state: GqlReview["state"];
  commit: string;
  /** GitHub's `authorCanPushToRepository` (write or more). Default true for people. */
  canPush?: boolean;
  submittedAt?: string;
}

export interface FileSpec {
  path: string;
  additions?: number;
  deletions?: number;
  changeType?: "ADDED" | "DELETED" | "RENAMED" | "COPIED" | "MODIFIED" | "CHANGED";
}

export interface PullRequestSpec {
  number?: number;
  headSha: string;
  title?: string;
  body?: string;
  author?: Person | { login: string; type: "Bot" | "User"; id?: number };
  draft?: boolean;
  state?: GqlPullRequest["state"];
  headRef?: string;
  baseRef?: string;
  commits: CommitSpec[];
  files?: FileSpec[];
  reviews?: ReviewSpec[];
  /** Labels on the PR and who applied them (default: the app's bot). */
  labels?: Array<{ name: string; by?: GqlActor }>;
  /** `.agent-governance.yml` text at the tip of the base branch; undefined = no file. */
  basePolicy?: string;
  /** The same file in the PR's head commit; default: as on the base. */
  headPolicy?: string | null;
  /** The organisation default; undefined = the owner has no `.github` repository. */
  orgPolicy?: string;
  reviewRequests?: { users?: string[]; teams?: string[] };
  /**
   * Other PRs GitHub associates with the head commit (`Commit.associatedPullRequests`); the PR
   * itself is always listed. Default head: the same commit; default state: OPEN.
   */
  associated?: Array<{ number: number; headSha?: string; state?: GqlPullRequest["state"]; repo?: string }>;
  /**
   * The app's own `agent-governance` runs on the head (`ownCheckSuites`), as GitHub answers
   * when the app asks. Undefined = left out of the answer (the app then looks the run up).
   */
  ownCheckRuns?: Array<{ id: number; status?: "IN_PROGRESS" | "COMPLETED"; conclusion?: string | null }>;
}

/** The app's own bot, as GraphQL names it on timeline events. */
export const APP_BOT: GqlActor = { __typename: "Bot", login: "agent-governance", databaseId: 900123 };

function blob(text: string, seed: string): GqlBlob {
  return { oid: seed.padEnd(40, "0").slice(0, 40), text, byteSize: Buffer.byteLength(text), isTruncated: false, isBinary: false };
}

function gitActor(who: Person | GqlGitActor): GqlGitActor {
  if (typeof who !== "string") return who;
  const person = PEOPLE[who];
  return { name: person.name, email: person.email, user: { login: person.login, databaseId: person.id } };
}

function actor(who: NonNullable<PullRequestSpec["author"]>): GqlActor {
  if (typeof who === "string") return { __typename: "User", login: PEOPLE[who].login, databaseId: PEOPLE[who].id };
  return { __typename: who.type, login: who.login, databaseId: who.id ?? null };
}

function commit(spec: CommitSpec): { commit: GqlCommit } {
  const author = gitActor(spec.author ?? "alice");
  return {
    commit: {
      oid: spec.sha,
      message: spec.message,
      parents: { totalCount: 1 },
      author,
      committer: spec.committer ? gitActor(spec.committer) : author,
      signature: null,
    },
  };
}

let reviewSerial = 0;

function review(spec: ReviewSpec): GqlReview {
  reviewSerial += 1;
  const by = spec.by;
  const author = typeof by === "string" ? actor(by) : actor(by);
  return {
    id: `PRR_kwDO${reviewSerial}`,
    state: spec.state,
    submittedAt: spec.submittedAt ?? `2025-06-01T10:${String(reviewSerial % 60).padStart(2, "0")}:00Z`,
    authorCanPushToRepository: spec.canPush ?? author.__typename === "User",
    commit: { oid: spec.commit },
    author,
  };
}

function associatedPullRequests(spec: PullRequestSpec) {
  const nodes = [{ number: spec.number ?? PR_NUMBER }, ...(spec.associated ?? [])].map((pr) => ({
    number: pr.number,
    state: "state" in pr && pr.state ? pr.state : ("OPEN" as const),
    headRefOid: "headSha" in pr && pr.headSha ? pr.headSha : spec.headSha,
    repository: { nameWithOwner: `${OWNER}/${"repo" in pr && pr.repo ? pr.repo : REPO}` },
  }));
  return { totalCount: nodes.length, nodes };
}

/**
 * The answer GitHub gives to `PullRequestFacts` (the HTTP body, `{ data }` plus the NOT_FOUND
 * error entry GitHub adds when the owner has no `.github` repository).
 */
export function graphqlPullRequest(spec: PullRequestSpec): { data: PullRequestFactsResponse; errors?: unknown[] } {
  const basePolicy = spec.basePolicy === undefined ? null : blob(spec.basePolicy, "ba5e");
  const headPolicyText = spec.headPolicy === undefined ? spec.basePolicy ?? null : spec.headPolicy;
  const headPolicy = headPolicyText === null ? null : blob(headPolicyText, headPolicyText === spec.basePolicy ? "ba5e" : "bead");
  const files = (spec.files ?? [{ path: "src/index.ts" }]).map((file) => ({
    path: file.path,
    additions: file.additions ?? 10,
    deletions: file.deletions ?? 2,
    changeType: file.changeType ?? ("MODIFIED" as const),
  }));
  const reviews = (spec.reviews ?? []).map(review);
  const commits = spec.commits.map(commit);
  const labels = spec.labels ?? [];
  const pullRequest: GqlPullRequest = {
    number: spec.number ?? PR_NUMBER,
    title: spec.title ?? "Add a token-bucket rate limiter",
    body: spec.body ?? "Adds a limiter in front of the public API.",
    isDraft: spec.draft ?? false,
    state: spec.state ?? "OPEN",
    baseRefName: spec.baseRef ?? "main",
    headRefName: spec.headRef ?? "feature/limiter",
    headRefOid: spec.headSha,
    author: actor(spec.author ?? "alice"),
    baseRef: { target: { oid: BASE_SHA, policy: basePolicy ? { object: basePolicy } : null } },
    headCommit: {
      nodes: [
        {
          commit: {
            oid: spec.headSha,
            policy: headPolicy ? { object: headPolicy } : null,
            statusCheckRollup: { contexts: { nodes: [] } },
            associatedPullRequests: associatedPullRequests(spec),
            ...(spec.ownCheckRuns === undefined
              ? {}
              : {
                  ownCheckSuites: {
                    nodes: [
                      {
                        checkRuns: {
                          nodes: spec.ownCheckRuns.map((run) => ({
                            databaseId: run.id,
                            status: run.status ?? "COMPLETED",
                            conclusion: run.conclusion ?? (run.status === "IN_PROGRESS" ? null : "ACTION_REQUIRED"),
                          })),
                        },
                      },
                    ],
                  },
                }),
          },
        },
      ],
    },
    labels: { nodes: labels.map((label) => ({ name: label.name })) },
    labelEvents: {
      nodes: labels.map((label) => ({ createdAt: "2025-06-01T09:00:00Z", label: { name: label.name }, actor: label.by ?? APP_BOT })),
    },
    commits: { totalCount: commits.length, pageInfo: { hasNextPage: false, endCursor: "MQ" }, nodes: commits },
    files: { totalCount: files.length, pageInfo: { hasNextPage: false, endCursor: "MQ" }, nodes: files },
    reviews: { totalCount: reviews.length, pageInfo: { hasNextPage: false, endCursor: "MQ" }, nodes: reviews },
    reviewRequests: {
      nodes: [
        ...(spec.reviewRequests?.users ?? []).map((login) => ({ requestedReviewer: { __typename: "User" as const, login } })),
        ...(spec.reviewRequests?.teams ?? []).map((slug) => ({
          requestedReviewer: { __typename: "Team" as const, slug, organization: { login: OWNER } },
        })),
      ],
    },
  };
  const data: PullRequestFactsResponse = {
    repository: { defaultBranchRef: { name: "main" }, pullRequest },
    orgDefaults: spec.orgPolicy === undefined ? null : { object: blob(spec.orgPolicy, "0a9") },
  };
  if (spec.orgPolicy !== undefined) return { data };
  return {
    data,
    errors: [
      {
        type: "NOT_FOUND",
        path: ["orgDefaults"],
        locations: [{ line: 137, column: 3 }],
        message: `Could not resolve to a Repository with the name '${OWNER}/.github'.`,
      },
    ],
  };
}

// ---- Webhook payloads ----

interface WebhookExamples {
  name: string;
  examples: Array<Record<string, unknown> & { action?: string }>;
}

const examples = createRequire(import.meta.url)("@octokit/webhooks-examples/api.github.com/index.json") as WebhookExamples[];

/** A real delivery of `name` (and `action`), preferring one sent to an installation. */
export function example(name: string, action?: string): Record<string, any> {
  const all = examples.find((entry) => entry.name === name)?.examples ?? [];
  const matching = all.filter((payload) => action === undefined || payload.action === action);
  const chosen = matching.find((payload) => payload.installation) ?? matching[0];
  if (!chosen) throw new Error(`no webhook example for ${name}.${action}`);
  return structuredClone(chosen);
}

function patchRepository(payload: Record<string, any>): void {
  payload.installation = { id: INSTALLATION_ID, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNDI0Mg==" };
  const repository = payload.repository;
  if (repository) {
    repository.name = REPO;
    repository.full_name = `${OWNER}/${REPO}`;
    repository.owner.login = OWNER;
    repository.default_branch = "main";
  }
  if (payload.organization) payload.organization.login = OWNER;
}

function patchPullRequest(pr: Record<string, any>, number: number, headSha: string): void {
  pr.number = number;
  pr.state = "open";
  pr.head.sha = headSha;
  pr.base.ref = "main";
  if (pr.base.repo) {
    pr.base.repo.name = REPO;
    pr.base.repo.full_name = `${OWNER}/${REPO}`;
    pr.base.repo.owner.login = OWNER;
  }
}

export interface PullRequestEventOptions {
  number?: number;
  headSha?: string;
  /** `synchronize`: the head the push left (default PREVIOUS_HEAD_SHA). */
  before?: string;
}

/** `pull_request.<action>` for our PR. Actions without an example reuse `opened`'s shape. */
export function pullRequestEvent(action: string, options: PullRequestEventOptions = {}): Record<string, any> {
  let payload: Record<string, any>;
  try {
    payload = example("pull_request", action);
  } catch {
    payload = { ...example("pull_request", "opened"), action };
  }
  patchRepository(payload);
  patchPullRequest(payload.pull_request, options.number ?? PR_NUMBER, options.headSha ?? SHA_1);
  if (action === "synchronize") {
    payload.before = options.before ?? PREVIOUS_HEAD_SHA;
    payload.after = payload.pull_request.head.sha;
  }
  return payload;
}

export function reviewEvent(action: "submitted" | "edited" | "dismissed", options: PullRequestEventOptions = {}): Record<string, any> {
  let payload: Record<string, any>;
  try {
    payload = example("pull_request_review", action);
  } catch {
    payload = { ...example("pull_request_review", "submitted"), action };
  }
  patchRepository(payload);
  patchPullRequest(payload.pull_request, options.number ?? PR_NUMBER, options.headSha ?? SHA_1);
  payload.review.commit_id = options.headSha ?? SHA_1;
  return payload;
}

/** check_run / check_suite payloads list the PRs of their head commit. */
export function listedPullRequest(number: number, headSha: string, repositoryId: number, repo = REPO) {
  const repoRef = { id: repositoryId, url: `https://api.github.com/repos/${OWNER}/${repo}`, name: repo };
  return {
    url: `https://api.github.com/repos/${OWNER}/${repo}/pulls/${number}`,
    id: 900000 + number,
    number,
    head: { ref: "feature/limiter", sha: headSha, repo: repoRef },
    base: { ref: "main", sha: BASE_SHA, repo: repoRef },
  };
}

export function checkRunEvent(action: "rerequested" | "requested_action", identifier = "re-evaluate"): Record<string, any> {
  const payload = example("check_run", action);
  patchRepository(payload);
  payload.check_run.head_sha = SHA_1;
  payload.check_run.app = { ...payload.check_run.app, id: APP_ID };
  payload.check_run.pull_requests = [listedPullRequest(PR_NUMBER, SHA_1, payload.repository.id)];
  if (action === "requested_action") payload.requested_action = { identifier };
  return payload;
}

export function checkSuiteEvent(action: "rerequested" | "completed", appId: number): Record<string, any> {
  const payload = example("check_suite", action);
  patchRepository(payload);
  payload.check_suite.head_sha = SHA_1;
  payload.check_suite.app = { ...payload.check_suite.app, id: appId };
  payload.check_suite.pull_requests = [listedPullRequest(PR_NUMBER, SHA_1, payload.repository.id)];
  return payload;
}

export function statusEvent(sha = SHA_1): Record<string, any> {
  const payload = example("status");
  patchRepository(payload);
  payload.sha = sha;
  payload.state = "success";
  return payload;
}

export interface PushedCommit {
  id: string;
  message: string;
  added?: string[];
  modified?: string[];
  removed?: string[];
}

export function pushEvent(ref: string, commits: PushedCommit[]): Record<string, any> {
  const payload = example("push");
  patchRepository(payload);
  payload.ref = ref;
  payload.before = BASE_SHA;
  payload.after = commits[commits.length - 1]?.id ?? BASE_SHA;
  const template = (payload.commits as Array<Record<string, any>>)[0] ?? payload.head_commit ?? {};
  payload.commits = commits.map((c) => ({
    ...structuredClone(template),
    id: c.id,
    tree_id: c.id,
    message: c.message,
    timestamp: "2025-06-02T12:00:00Z",
    added: c.added ?? [],
    modified: c.modified ?? [],
    removed: c.removed ?? [],
  }));
  payload.head_commit = payload.commits[payload.commits.length - 1] ?? null;
  return payload;
}

export function installationRepositoriesAddedEvent(repos: string[]): Record<string, any> {
  const payload = example("installation_repositories", "added");
  patchRepository(payload);
  payload.repositories_added = repos.map((name, index) => ({
    id: 7000 + index,
    node_id: `R_${index}`,
    name,
    full_name: `${OWNER}/${name}`,
    private: false,
  }));
  return payload;
}

export function membershipEvent(teamSlug: string): Record<string, any> {
  const payload = example("membership", "added");
  patchRepository(payload);
  payload.organization = { ...(payload.organization ?? {}), login: OWNER };
  payload.team = { ...(payload.team ?? {}), slug: teamSlug, name: teamSlug };
  return payload;
}

/** A REST pull request as `GET /repos/{o}/{r}/pulls` and `/commits/{sha}/pulls` list it. */
export function restPullRequest(number: number, headSha: string, state: "open" | "closed" = "open", repo = REPO) {
  const base = example("pull_request", "opened").pull_request as Record<string, any>;
  patchPullRequest(base, number, headSha);
  base.state = state;
  base.base.repo.name = repo;
  base.base.repo.full_name = `${OWNER}/${repo}`;
  return base;
}

/**
 * `merge_group.checks_requested` for a group whose head is `headSha` and whose branch names
 * `lastPullRequest` (GitHub's `gh-readonly-queue/<base>/pr-<N>-<base sha>`).
 */
export function mergeGroupEvent(
  action: "checks_requested" | "destroyed",
  options: { headSha: string; lastPullRequest: number; base?: string },
): Record<string, any> {
  const payload = example("merge_group", "checks_requested");
  payload.action = action;
  patchRepository(payload);
  const base = options.base ?? "main";
  payload.merge_group.head_sha = options.headSha;
  payload.merge_group.head_ref = `refs/heads/gh-readonly-queue/${base}/pr-${options.lastPullRequest}-${BASE_SHA}`;
  payload.merge_group.base_ref = `refs/heads/${base}`;
  payload.merge_group.base_sha = BASE_SHA;
  if (action === "destroyed") payload.reason = "merged";
  return payload;
}
