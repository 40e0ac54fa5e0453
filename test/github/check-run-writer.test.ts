import { afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { CheckRunMemo, reportCheckRun, reportFailure, type CheckRunTarget } from "../../src/github/check-run-writer.js";
import type { Annotation } from "../../src/report/check-run.js";
import type { CheckRunOutput } from "../../src/report/check-run.js";
import { API, testOctokit } from "./octokit.js";

const SHA = "9b8e7d6c5b4a39281706f5e4d3c2b1a098765432";
const TARGET: CheckRunTarget = { owner: "acme", repo: "api", headSha: SHA };
const LIST = `/repos/acme/api/commits/${SHA}/check-runs`;
const LIST_QUERY = { check_name: "agent-governance", filter: "latest", per_page: "100" };

type Body = Record<string, any>;

function output(changes: Partial<CheckRunOutput> = {}): CheckRunOutput {
  return {
    status: "completed",
    conclusion: "action_required",
    title: "Waiting for 1 approval",
    summary: "| rule | status |\n| senior approval | waiting |",
    annotations: [],
    ...changes,
  };
}

function annotations(count: number, prefix = "finding"): Annotation[] {
  return Array.from({ length: count }, (_, i) => ({
    path: ".agent-governance.yml",
    start_line: i + 1,
    end_line: i + 1,
    annotation_level: "failure" as const,
    message: `${prefix} ${i}`,
  }));
}

function noRunYet() {
  return nock(API).get(LIST).query(LIST_QUERY).reply(200, { total_count: 0, check_runs: [] });
}

function creates(id: number, bodies: Body[] = []) {
  return nock(API)
    .post("/repos/acme/api/check-runs", (body) => bodies.push(body) > 0)
    .reply(201, { id });
}

function updates(id: number, bodies: Body[] = [], times = 1) {
  return nock(API)
    .patch(`/repos/acme/api/check-runs/${id}`, (body) => bodies.push(body) > 0)
    .times(times)
    .reply(200, { id });
}

function existingRun(id: number, shown: CheckRunOutput, appId = 900001) {
  return {
    id,
    name: "agent-governance",
    status: shown.status,
    conclusion: shown.conclusion ?? null,
    details_url: "https://example.test/app",
    app: { id: appId },
    output: { title: shown.title, summary: shown.summary, text: null, annotations_count: shown.annotations.length },
  };
}

/** A memo that already knows run 7 shows `shown`. */
async function memoAfterCreating(shown: CheckRunOutput): Promise<CheckRunMemo> {
  const memo = new CheckRunMemo();
  noRunYet();
  creates(7);
  await reportCheckRun(testOctokit(), TARGET, shown, memo);
  return memo;
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});

describe("reportCheckRun: create, update, skip", () => {
  it("creates the run on the head SHA when none exists (one lookup, one write)", async () => {
    const bodies: Body[] = [];
    noRunYet();
    creates(7, bodies);
    const report = await reportCheckRun(testOctokit(), TARGET, output(), new CheckRunMemo());
    expect(report).toEqual({ checkRunId: 7, action: "created", requests: 2 });
    expect(bodies).toEqual([
      {
        name: "agent-governance",
        head_sha: SHA,
        status: "completed",
        conclusion: "action_required",
        output: { title: "Waiting for 1 approval", summary: "| rule | status |\n| senior approval | waiting |" },
        actions: [{ label: "Re-evaluate", identifier: "re-evaluate", description: "Evaluate this pull request again" }],
      },
    ]);
  });

  it("updates the run it created with one PATCH when the output changes", async () => {
    const memo = await memoAfterCreating(output());
    const bodies: Body[] = [];
    updates(7, bodies);
    const report = await reportCheckRun(testOctokit(), TARGET, output({ conclusion: "success", title: "Approved" }), memo);
    expect(report).toEqual({ checkRunId: 7, action: "updated", requests: 1 });
    expect(bodies[0]).toMatchObject({ status: "completed", conclusion: "success", output: { title: "Approved" } });
  });

  it("makes no request at all when the output is unchanged", async () => {
    const memo = await memoAfterCreating(output());
    const report = await reportCheckRun(testOctokit(), TARGET, output(), memo);
    expect(report).toEqual({ checkRunId: 7, action: "unchanged", requests: 0 });
  });

  it("sends in_progress without a conclusion", async () => {
    const bodies: Body[] = [];
    noRunYet();
    creates(7, bodies);
    await reportCheckRun(testOctokit(), TARGET, output({ status: "in_progress", conclusion: undefined }), new CheckRunMemo());
    expect(bodies[0].status).toBe("in_progress");
    expect(bodies[0]).not.toHaveProperty("conclusion");
  });

  it("fails closed: a completed output without a conclusion is written as failure", async () => {
    const bodies: Body[] = [];
    noRunYet();
    creates(7, bodies);
    await reportCheckRun(testOctokit(), TARGET, output({ conclusion: undefined }), new CheckRunMemo());
    expect(bodies[0].conclusion).toBe("failure");
  });

  it("passes the details URL", async () => {
    const bodies: Body[] = [];
    noRunYet();
    creates(7, bodies);
    await reportCheckRun(testOctokit(), { ...TARGET, detailsUrl: "https://gov.example.test/acme/api/42" }, output(), new CheckRunMemo());
    expect(bodies[0].details_url).toBe("https://gov.example.test/acme/api/42");
  });

  it("keeps the summary within GitHub's 65 535 characters", async () => {
    const bodies: Body[] = [];
    noRunYet();
    creates(7, bodies);
    await reportCheckRun(testOctokit(), TARGET, output({ summary: "x".repeat(70_000) }), new CheckRunMemo());
    expect(bodies[0].output.summary).toHaveLength(65_535);
    expect(bodies[0].output.summary).toMatch(/truncated/);
  });
});

describe("reportCheckRun: after a restart (memo miss)", () => {
  it("writes nothing when the existing run already shows this output", async () => {
    nock(API).get(LIST).query(LIST_QUERY).reply(200, { total_count: 1, check_runs: [existingRun(5, output())] });
    const memo = new CheckRunMemo();
    const report = await reportCheckRun(testOctokit(), TARGET, output(), memo);
    expect(report).toEqual({ checkRunId: 5, action: "unchanged", requests: 1 });
    await expect(reportCheckRun(testOctokit(), TARGET, output(), memo)).resolves.toMatchObject({ requests: 0 });
  });

  it("updates the existing run instead of creating a duplicate", async () => {
    nock(API).get(LIST).query(LIST_QUERY).reply(200, { total_count: 1, check_runs: [existingRun(5, output())] });
    updates(5);
    const report = await reportCheckRun(testOctokit(), TARGET, output({ title: "Approved", conclusion: "success" }), new CheckRunMemo());
    expect(report).toEqual({ checkRunId: 5, action: "updated", requests: 2 });
  });

  it("looks up only this app's runs when the app id is known", async () => {
    nock(API)
      .get(LIST)
      .query({ ...LIST_QUERY, app_id: "900001" })
      .reply(200, { total_count: 2, check_runs: [existingRun(9, output(), 123), existingRun(5, output())] });
    const report = await reportCheckRun(testOctokit(), { ...TARGET, appId: 900001 }, output(), new CheckRunMemo());
    expect(report.checkRunId).toBe(5);
  });

  it("sends only the annotations the existing run does not have yet", async () => {
    const shown = output({ annotations: annotations(2) });
    nock(API)
      .get(LIST)
      .query(LIST_QUERY)
      .reply(200, { total_count: 1, check_runs: [existingRun(5, shown)] })
      .get("/repos/acme/api/check-runs/5/annotations")
      .query({ per_page: "100", page: "1" })
      .reply(200, annotations(2).map((a) => ({ ...a, title: null, raw_details: null, start_column: null, end_column: null })));
    const bodies: Body[] = [];
    updates(5, bodies);
    await reportCheckRun(testOctokit(), TARGET, output({ title: "Changed", annotations: [...annotations(2), ...annotations(1, "new")] }), new CheckRunMemo());
    expect(bodies[0].output.annotations).toEqual(annotations(1, "new"));
  });
});

describe("reportCheckRun: annotations", () => {
  it("sends 50 annotations with the create and the rest in further batches of 50", async () => {
    const created: Body[] = [];
    const appended: Body[] = [];
    noRunYet();
    creates(7, created);
    updates(7, appended, 2);
    const report = await reportCheckRun(testOctokit(), TARGET, output({ annotations: annotations(120) }), new CheckRunMemo());
    expect(report.requests).toBe(4);
    expect(created[0].output.annotations).toEqual(annotations(120).slice(0, 50));
    expect(appended.map((body) => body.output.annotations)).toEqual([annotations(120).slice(50, 100), annotations(120).slice(100)]);
  });

  it("does not resend status or conclusion with the extra annotation batches", async () => {
    const appended: Body[] = [];
    noRunYet();
    creates(7);
    updates(7, appended);
    await reportCheckRun(testOctokit(), TARGET, output({ annotations: annotations(51) }), new CheckRunMemo());
    expect(Object.keys(appended[0])).toEqual(["output"]);
  });

  it("does not append annotations the run already has when only the summary changes", async () => {
    const memo = await memoAfterCreating(output({ annotations: annotations(3) }));
    const bodies: Body[] = [];
    updates(7, bodies);
    await reportCheckRun(testOctokit(), TARGET, output({ summary: "new summary", annotations: annotations(3) }), memo);
    expect(bodies[0].output).not.toHaveProperty("annotations");
  });

  it("appends just the new annotation on an update", async () => {
    const memo = await memoAfterCreating(output({ annotations: annotations(3) }));
    const bodies: Body[] = [];
    updates(7, bodies);
    await reportCheckRun(testOctokit(), TARGET, output({ annotations: [...annotations(3), ...annotations(1, "new")] }), memo);
    expect(bodies[0].output.annotations).toEqual(annotations(1, "new"));
  });

  it("drops columns from a multi-line annotation, which GitHub would reject", async () => {
    const bodies: Body[] = [];
    noRunYet();
    creates(7, bodies);
    const spanning: Annotation = { path: "a.yml", start_line: 1, end_line: 3, start_column: 2, end_column: 4, annotation_level: "warning", message: "m" };
    await reportCheckRun(testOctokit(), TARGET, output({ annotations: [spanning] }), new CheckRunMemo());
    expect(bodies[0].output.annotations).toEqual([{ path: "a.yml", start_line: 1, end_line: 3, annotation_level: "warning", message: "m" }]);
  });
});

describe("reportCheckRun: edge cases", () => {
  it("creates a new run when a completed run must go back to in_progress (GitHub cannot reopen one)", async () => {
    const memo = await memoAfterCreating(output());
    creates(8);
    const report = await reportCheckRun(testOctokit(), TARGET, output({ status: "in_progress", conclusion: undefined, title: "Waiting for build" }), memo);
    expect(report).toMatchObject({ checkRunId: 8, action: "created" });
  });

  it("recreates the run when it was deleted behind the memo's back", async () => {
    const memo = await memoAfterCreating(output());
    nock(API).patch("/repos/acme/api/check-runs/7").reply(404, { message: "Not Found" });
    noRunYet();
    creates(9);
    const report = await reportCheckRun(testOctokit(), TARGET, output({ title: "Approved", conclusion: "success" }), memo);
    expect(report).toEqual({ checkRunId: 9, action: "created", requests: 3 });
  });

  it("creates one run when two evaluations of the same commit race", async () => {
    const memo = new CheckRunMemo();
    noRunYet();
    creates(7);
    updates(7);
    const reports = await Promise.all([
      reportCheckRun(testOctokit(), TARGET, output(), memo),
      reportCheckRun(testOctokit(), TARGET, output({ title: "Approved", conclusion: "success" }), memo),
    ]);
    expect(reports.map((report) => report.action)).toEqual(["created", "updated"]);
  });

  it("keeps separate runs per repository and SHA", async () => {
    const memo = await memoAfterCreating(output());
    const other = { ...TARGET, headSha: "1".repeat(40) };
    nock(API).get(`/repos/acme/api/commits/${other.headSha}/check-runs`).query(LIST_QUERY).reply(200, { total_count: 0, check_runs: [] });
    creates(10);
    await expect(reportCheckRun(testOctokit(), other, output(), memo)).resolves.toMatchObject({ checkRunId: 10, action: "created" });
  });

  it("forgets what it wrote after maxAgeMs, so another replica's write is not masked forever", async () => {
    let now = 0;
    const memo = new CheckRunMemo({ maxAgeMs: 60_000, now: () => now });
    noRunYet();
    creates(7);
    await reportCheckRun(testOctokit(), TARGET, output(), memo);
    now = 60_001;
    nock(API).get(LIST).query(LIST_QUERY).reply(200, { total_count: 1, check_runs: [existingRun(7, output())] });
    await expect(reportCheckRun(testOctokit(), TARGET, output(), memo)).resolves.toMatchObject({ action: "unchanged", requests: 1 });
  });
});

describe("reportCheckRun: on a memo miss, with what the facts read saw (ownCheckRun)", () => {
  const seen = (status: string, conclusion: string | null = null, id = 7) => ({ id, status, conclusion });

  it("creates the run with one POST and no lookup when the read saw none", async () => {
    creates(7);
    const report = await reportCheckRun(testOctokit(), { ...TARGET, ownCheckRun: null }, output(), new CheckRunMemo());
    expect(report).toEqual({ checkRunId: 7, action: "created", requests: 1 });
  });

  it("updates the run the read saw with one PATCH and no lookup", async () => {
    const bodies: Body[] = [];
    updates(7, bodies);
    const target = { ...TARGET, ownCheckRun: seen("in_progress") };
    const report = await reportCheckRun(testOctokit(), target, output(), new CheckRunMemo());
    expect(report).toEqual({ checkRunId: 7, action: "updated", requests: 1 });
    expect(bodies[0]).toMatchObject({ status: "completed", conclusion: "action_required" });
  });

  it("writes the run the read saw once even if it may already show this output, then skips", async () => {
    const memo = new CheckRunMemo();
    const target = { ...TARGET, ownCheckRun: seen("completed", "action_required") };
    updates(7);
    await reportCheckRun(testOctokit(), target, output(), memo);
    await expect(reportCheckRun(testOctokit(), target, output(), memo)).resolves.toMatchObject({ action: "unchanged", requests: 0 });
  });

  it("creates a new run when the completed run the read saw must go back to in_progress", async () => {
    creates(8);
    const target = { ...TARGET, ownCheckRun: seen("completed", "success") };
    const report = await reportCheckRun(testOctokit(), target, output({ status: "in_progress", conclusion: undefined }), new CheckRunMemo());
    expect(report).toEqual({ checkRunId: 8, action: "created", requests: 1 });
  });

  it("reads the annotations the seen run already has before sending new ones", async () => {
    const bodies: Body[] = [];
    nock(API)
      .get("/repos/acme/api/check-runs/7/annotations")
      .query({ per_page: "100", page: "1" })
      .reply(200, annotations(1).map((a) => ({ ...a, title: null })));
    updates(7, bodies);
    const target = { ...TARGET, ownCheckRun: seen("completed", "failure") };
    await reportCheckRun(testOctokit(), target, output({ annotations: annotations(2) }), new CheckRunMemo());
    expect(bodies[0].output.annotations.map((a: Annotation) => a.message)).toEqual(["finding 1"]);
  });

  it("trusts the memo over the read: two evaluations of one commit that both saw none create one run", async () => {
    const memo = new CheckRunMemo();
    const target = { ...TARGET, ownCheckRun: null };
    creates(7);
    updates(7);
    const reports = await Promise.all([
      reportCheckRun(testOctokit(), target, output(), memo),
      reportCheckRun(testOctokit(), target, output({ title: "Approved", conclusion: "success" }), memo),
    ]);
    expect(reports.map((report) => report.action)).toEqual(["created", "updated"]);
  });

  it("looks the run up again when the one the read saw was deleted meanwhile", async () => {
    nock(API).patch("/repos/acme/api/check-runs/7").reply(404, { message: "Not Found" });
    noRunYet();
    creates(9);
    const target = { ...TARGET, ownCheckRun: seen("in_progress") };
    const report = await reportCheckRun(testOctokit(), target, output(), new CheckRunMemo());
    expect(report).toEqual({ checkRunId: 9, action: "created", requests: 3 });
  });
});

describe("reportFailure", () => {
  it("writes a blocking failure that names what failed", async () => {
    const bodies: Body[] = [];
    noRunYet();
    creates(7, bodies);
    await reportFailure(
      testOctokit(),
      TARGET,
      { title: "Could not read the pull request from GitHub", summary: "GraphQL request failed: 502 Bad Gateway" },
      new CheckRunMemo(),
    );
    expect(bodies[0]).toMatchObject({
      status: "completed",
      conclusion: "failure",
      output: { title: "Could not read the pull request from GitHub", summary: "GraphQL request failed: 502 Bad Gateway" },
    });
  });
});
