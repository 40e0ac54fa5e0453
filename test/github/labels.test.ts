import { afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { applyLabel } from "../../src/github/labels.js";
import { API, testOctokit } from "./octokit.js";

const PR = { owner: "acme", repo: "api", number: 42 };

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});

describe("applyLabel", () => {
  it("adds the label when the PR lacks it", async () => {
    const bodies: unknown[] = [];
    nock(API)
      .post("/repos/acme/api/issues/42/labels", (body) => bodies.push(body) > 0)
      .reply(200, [{ name: "ai-assisted" }]);
    const result = await applyLabel(testOctokit(), PR, { add: "ai-assisted", remove: null }, ["bug"]);
    expect(result).toEqual({ added: "ai-assisted", removed: null, requests: 1 });
    expect(bodies).toEqual([{ labels: ["ai-assisted"] }]);
  });

  it("makes no request when the PR already has the label, in any case", async () => {
    const result = await applyLabel(testOctokit(), PR, { add: "ai-assisted", remove: null }, ["AI-Assisted"]);
    expect(result.requests).toBe(0);
  });

  it("removes the label when the PR has it, by the name the PR shows", async () => {
    nock(API).delete("/repos/acme/api/issues/42/labels/AI-Assisted").reply(200, []);
    const result = await applyLabel(testOctokit(), PR, { add: null, remove: "ai-assisted" }, ["AI-Assisted"]);
    expect(result).toEqual({ added: null, removed: "AI-Assisted", requests: 1 });
  });

  it("makes no request to remove a label the PR does not have", async () => {
    const result = await applyLabel(testOctokit(), PR, { add: null, remove: "ai-assisted" }, ["bug"]);
    expect(result.requests).toBe(0);
  });

  it("encodes a label name with spaces and slashes in the path", async () => {
    nock(API).delete("/repos/acme/api/issues/42/labels/ai%2Fassisted%20pr").reply(200, []);
    const result = await applyLabel(testOctokit(), PR, { add: null, remove: "ai/assisted pr" }, ["ai/assisted pr"]);
    expect(result.removed).toBe("ai/assisted pr");
  });

  it("accepts that someone removed the label meanwhile", async () => {
    nock(API).delete("/repos/acme/api/issues/42/labels/ai-assisted").reply(404, { message: "Label does not exist" });
    const result = await applyLabel(testOctokit(), PR, { add: null, remove: "ai-assisted" }, ["ai-assisted"]);
    expect(result).toEqual({ added: null, removed: null, requests: 1 });
  });
});
