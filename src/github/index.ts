/** The GitHub adapter: read a pull request's facts, team rosters and permissions; write results. */
export type { GitHubClient } from "./client.js";
export { CHECK_NAME } from "./check-name.js";
export { gatherFacts, PullRequestNotFoundError, type PullRequestRef } from "./gather-facts.js";
export type { GatheredPullRequest, OwnCheckRun, PolicyBlobs } from "./facts-from-graphql.js";
export {
  DEFAULT_DIRECTORY_TTL_SECONDS,
  DirectoryCache,
  MemoryDirectory,
  githubDirectory,
  type Directory,
  type DirectoryCacheOptions,
  type RepositoryPermission,
} from "./directory.js";
export {
  CheckRunMemo,
  RE_EVALUATE_ACTION,
  reportCheckRun,
  reportFailure,
  type CheckRunMemoOptions,
  type CheckRunMemoStore,
  type CheckRunReport,
  type CheckRunTarget,
} from "./check-run.js";
export {
  ReviewRequestMemo,
  requestReviewers,
  type ReviewRequestResult,
  type ReviewRequestTarget,
} from "./review-requests.js";
export { applyLabel, type LabelResult, type LabelTarget } from "./labels.js";
