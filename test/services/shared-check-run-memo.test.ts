/**
 * The check-run memo shared by replicas through Redis (REDIS_TEST_URL). Two SharedCheckRunMemo
 * instances on their own connections play two replicas; GitHub's check-run API is an in-memory
 * fake that records every request.
 */
import { afterAll, afterEach, describe, expect, it } from "@jest/globals";
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { CheckRunMemo, reportCheckRun, type CheckRunTarget } from "../../src/github/check-run-writer.js";
import type { GitHubClient } from "../../src/github/client.js";
import { SharedCheckRunMemo } from "../../src/github/shared-check-run-memo.js";
import type { CheckRunOutput } from "../../src/report/check-run.js";

const URL = process.env.REDIS_TEST_URL ?? "redis://127.0.0.1:6379";
const namespace = `agent-governance-test-${randomBytes(5).toString("hex")}`;
const memos: SharedCheckRunMemo[] = [];
const TARGET: CheckRunTarget = { owner: "acme", repo: "api", headSha: "9b8e7d6c5b4a39281706f5e4d3c2b1a098765432" };

interface Run {
  id: number;
  status: string;
  conclusion: string | null;
  output: { title: string; summary: string };
}

/** GitHub's check runs of one commit, as far as reportCheckRun uses them. */
class FakeChecks {
  runs: Run[] = [];
  requests: string[] = [];
  /** Makes creating slow, to widen a race. */
  createDelayMs = 0;
  /** The caller dies right after its update reached GitHub. */
  dieAfterUpdate = false;

  client(): GitHubClient {
    const request = async (route: string, params: Record<string, any>) => {
      this.requests.push(route.split(" ")[0]);
      if (route.startsWith("GET")) {
        const runs = this.runs.map((r) => ({ ...r, app: null, details_url: null, output: { ...r.output, text: null, annotations_count: 0 } }));
        return { data: { total_count: runs.length, check_runs: runs } };
      }
      if (route.startsWith("POST")) {
        await new Promise((resolve) => setTimeout(resolve, this.createDelayMs));
        const run = { id: this.runs.length + 1, status: params.status, conclusion: params.conclusion ?? null, output: params.output };
        this.runs.push(run);
        return { data: { id: run.id } };
      }
      const run = this.runs.find((r) => r.id === params.check_run_id)!;
      Object.assign(run, { status: params.status, conclusion: params.conclusion ?? null, output: params.output });
      if (this.dieAfterUpdate) throw new Error("the replica died");
      return { data: { id: run.id } };
    };
    return { request, graphql: undefined } as unknown as GitHubClient;
  }
}

async function replica(): Promise<SharedCheckRunMemo> {
  const memo = await SharedCheckRunMemo.connect(URL, namespace, (error) => {
    throw error;
  });
  memos.push(memo);
  return memo;
}

function output(title: string): CheckRunOutput {
  return { status: "completed", conclusion: "action_required", title, summary: `summary of ${title}`, annotations: [] };
}

afterEach(async () => {
  const admin = new Redis(URL);
  const keys = await admin.keys(`${namespace}:*`);
  if (keys.length) await admin.del(...keys);
  await admin.quit();
});

afterAll(async () => {
  await Promise.all(memos.map((m) => m.close()));
});

describe("check-run memo shared through Redis", () => {
  it("does not skip as unchanged an output another replica has since overwritten", async () => {
    const github = new FakeChecks();
    const [a, b] = [await replica(), await replica()];
    await reportCheckRun(github.client(), TARGET, output("first"), a);
    await reportCheckRun(github.client(), TARGET, output("second"), b);
    const report = await reportCheckRun(github.client(), TARGET, output("first"), a);

    expect(report.action).toBe("updated");
    expect(github.runs.map((r) => r.output.title)).toEqual(["first"]);
  });

  it("shows the bug it prevents: memos kept per process skip that write", async () => {
    const github = new FakeChecks();
    const [a, b] = [new CheckRunMemo(), new CheckRunMemo()];
    await reportCheckRun(github.client(), TARGET, output("first"), a);
    await reportCheckRun(github.client(), TARGET, output("second"), b);
    const report = await reportCheckRun(github.client(), TARGET, output("first"), a);

    expect(report.action).toBe("unchanged");
    expect(github.runs.map((r) => r.output.title)).toEqual(["second"]);
  });

  it("costs no request on another replica when nothing changed", async () => {
    const github = new FakeChecks();
    const [a, b] = [await replica(), await replica()];
    await reportCheckRun(github.client(), TARGET, output("first"), a);
    github.requests.length = 0;
    const report = await reportCheckRun(github.client(), TARGET, output("first"), b);

    expect(report).toMatchObject({ action: "unchanged", requests: 0 });
    expect(github.requests).toEqual([]);
  });

  it("creates one run when two replicas report a new commit at the same time", async () => {
    const github = new FakeChecks();
    github.createDelayMs = 50;
    const [a, b] = [await replica(), await replica()];
    await Promise.all([
      reportCheckRun(github.client(), TARGET, output("from a"), a),
      reportCheckRun(github.client(), TARGET, output("from b"), b),
    ]);

    expect(github.requests.filter((r) => r === "POST")).toHaveLength(1);
    expect(github.runs).toHaveLength(1);
  });

  it("does not trust the memo of a replica that died between its write and its memo update", async () => {
    const github = new FakeChecks();
    const [a, dying] = [await replica(), await replica()];
    await reportCheckRun(github.client(), TARGET, output("first"), a);
    // The dying replica's update reaches GitHub, and the replica is gone before it records it.
    github.dieAfterUpdate = true;
    await expect(reportCheckRun(github.client(), TARGET, output("second"), dying)).rejects.toThrow("died");
    github.dieAfterUpdate = false;

    const report = await reportCheckRun(github.client(), TARGET, output("first"), a);
    expect(report.action).not.toBe("unchanged");
    expect(github.runs[0].output.title).toBe("first");
  });
});
