/**
 * The in-project GitHub simulator: an in-memory GitHub world served at GitHub Enterprise URLs
 * (`/api/v3` REST, `/api/graphql` on GitHub's real schema), with app-JWT installation tokens,
 * fault injection, a request log and signed webhook delivery. Used by e2e tests, the demo and
 * the benchmarks; the app reaches it through GHE_HOST/GHE_PROTOCOL like any GitHub Enterprise.
 */
export { startSimulator, STATE_PATH, type Simulator, type SimulatorOptions, type DeliveryInput } from "./http/server.js";
export { AUTHORIZE_PATH, ACCESS_TOKEN_PATH, type OAuthClientCredentials } from "./http/oauth.js";
export { World, GITHUB_ACTIONS_APP_ID, type PullRef, type CommitSpec, type FileSpec, type PersonSpec, type PullRequestSpec, type CheckRunSpec, type WorldOptions } from "./world/world.js";
export type * from "./world/records.js";
export { SimulatorError } from "./world/errors.js";
export { Faults, type FaultMatch, type FaultTarget } from "./http/faults.js";
export { buildWebhookPayload, type WebhookSubject } from "./webhooks/payloads.js";
export { signWebhook, deliverWebhook, type DeliveryResult, type DeliveryTarget } from "./webhooks/delivery.js";
export { restRoutes } from "./rest/routes.js";
export { loadGithubSchema, githubSchema } from "./graphql/schema.js";
