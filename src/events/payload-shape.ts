/**
 * The fields of a webhook payload that the app reads, per event, checked before any handler
 * runs. A signed delivery can still be malformed (`pull_request: null`, a missing
 * repository): it is refused with 400 and one log line rather than crashing a handler (500,
 * two stack traces carrying the payload). Only what the handlers use is required; GitHub
 * adds fields freely, so everything else is allowed.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";

type Schema = Record<string, unknown>;

const object = (properties: Record<string, Schema>, optional: string[] = []): Schema => ({
  type: "object",
  properties,
  required: Object.keys(properties).filter((key) => !optional.includes(key)),
});
const text: Schema = { type: "string" };
const nullableText: Schema = { type: ["string", "null"] };
const whole: Schema = { type: "integer" };
const login = object({ login: text });
const repository = object({ name: text, owner: login });
const installation = object({ id: whole });
const listedPullRequests: Schema = { type: ["array", "null"], items: object({ number: whole }) };
const pullRequest = object({ number: whole });

/** Top-level keys every handled event shares: `installation` may be absent (then ignored). */
const common = { installation, repository };

const SHAPES: Record<string, Schema> = {
  pull_request: object({ ...common, action: text, pull_request: pullRequest }, ["installation"]),
  pull_request_review: object({ ...common, action: text, pull_request: pullRequest }, ["installation"]),
  check_run: object({ ...common, action: text, check_run: object({ head_sha: text, pull_requests: listedPullRequests }) }, ["installation"]),
  check_suite: object(
    { ...common, action: text, check_suite: object({ head_sha: text, head_branch: nullableText, pull_requests: listedPullRequests }) },
    ["installation"],
  ),
  status: object({ ...common, sha: text }, ["installation"]),
  push: object({ ...common, ref: text, repository: object({ name: text, full_name: text, default_branch: text }) }, ["installation"]),
  merge_group: object({ installation, action: text, merge_group: object({ head_sha: text, head_ref: text, base_ref: text }) }, ["installation"]),
};

const ajv = new Ajv({ allErrors: false, strict: true, allowUnionTypes: true });
const validators = new Map<string, ValidateFunction>(Object.entries(SHAPES).map(([event, schema]) => [event, ajv.compile(schema)]));

/** What is wrong with a signed payload for `event`, in a few words, or null when the app can read it. */
export function payloadProblem(event: string, payload: unknown): string | null {
  const validate = validators.get(event);
  if (!validate || validate(payload)) return null;
  return describe(validate.errors?.[0]);
}

function describe(error: ErrorObject | undefined): string {
  if (!error) return "malformed payload";
  const where = error.instancePath.slice(1).replaceAll("/", ".");
  if (error.keyword === "required") {
    const key = (error.params as { missingProperty: string }).missingProperty;
    return `malformed payload: \`${where ? `${where}.` : ""}${key}\` is missing`;
  }
  return `malformed payload: \`${where || "payload"}\` ${error.message ?? "is invalid"}`;
}
