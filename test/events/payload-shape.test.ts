/** Which signed payloads the handlers can read, and what a refusal says. */
import { describe, expect, it } from "@jest/globals";
import { payloadProblem } from "../../src/events/payload-shape.js";

const repository = { name: "api", full_name: "acme/api", default_branch: "main", owner: { login: "acme" } };
const installation = { id: 7 };

describe("payloadProblem", () => {
  it.each([
    ["a pull_request event as GitHub sends it", "pull_request", { action: "opened", installation, repository, pull_request: { number: 3, head: { sha: "abc" } } }, null],
    ["one without an installation (the handler ignores it)", "pull_request", { action: "opened", repository, pull_request: { number: 3 } }, null],
    ["an event the app does not read fields of", "ping", { zen: "Design for failure." }, null],
    ["pull_request: null", "pull_request", { action: "opened", installation, repository, pull_request: null }, "malformed payload: `pull_request` must be object"],
    ["a review without its pull request", "pull_request_review", { action: "submitted", installation, repository }, "malformed payload: `pull_request` is missing"],
    ["a repository without an owner", "status", { installation, sha: "abc", repository: { name: "api" } }, "malformed payload: `repository.owner` is missing"],
    ["a check run whose pull requests are not a list", "check_run", { action: "rerequested", installation, repository, check_run: { head_sha: "abc", pull_requests: "3" } }, "malformed payload: `check_run.pull_requests` must be array,null"],
    ["a push without its ref", "push", { installation, repository }, "malformed payload: `ref` is missing"],
    ["a payload that is not an object", "merge_group", [], "malformed payload: `payload` must be object"],
  ])("%s", (_what, event, payload, problem) => {
    expect(payloadProblem(event, payload)).toBe(problem);
  });
});
