import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { createProtectCommand, type Confirm } from "../../src/cli/protect.js";
import { runWith } from "./ledger-cli.js";

const API = "https://api.github.com";
const TOKEN = { GITHUB_TOKEN: "test-token" };
const APP_ID = "123";

type Written = { method: string; path: string; body: any };

let written: Written[];

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});
afterAll(() => nock.enableNetConnect());

function protect(argv: string[], options: { env?: Record<string, string | undefined>; confirm?: Confirm } = {}) {
  written = [];
  return runWith({ ...TOKEN, ...options.env }, ["protect", ...argv], {
    commands: [createProtectCommand({ confirm: options.confirm === undefined ? null : options.confirm })],
  });
}

function record(method: string) {
  return function (this: unknown, path: string, body: unknown) {
    written.push({ method, path, body });
    return [method === "POST" ? 201 : 200, { id: 42, ...(body as object) }] as [number, unknown];
  };
}

/** The repository's rulesets (its own only: includes_parents=false). */
function repoRulesets(rulesets: Array<{ id: number; name: string }>) {
  return nock(API)
    .get("/repos/acme/api/rulesets")
    .query({ per_page: "100", page: "1", includes_parents: "false" })
    .reply(200, rulesets.map((r) => ({ ...r, target: "branch", source_type: "Repository", source: "acme/api", enforcement: "active" })));
}

const EXISTING = {
  id: 42,
  name: "agent-governance",
  target: "branch",
  source_type: "Repository",
  source: "acme/api",
  enforcement: "evaluate",
  node_id: "RRS_1",
  created_at: "2025-01-01T00:00:00Z",
  updated_at: "2025-01-01T00:00:00Z",
  _links: { self: { href: "https://api.github.com/repos/acme/api/rulesets/42" } },
  bypass_actors: [{ actor_id: 5, actor_type: "RepositoryRole", bypass_mode: "always" }],
  conditions: { ref_name: { include: ["~DEFAULT_BRANCH"], exclude: [] } },
  rules: [
    { type: "deletion" },
    {
      type: "required_status_checks",
      parameters: { strict_required_status_checks_policy: true, required_status_checks: [{ context: "build" }] },
    },
    { type: "pull_request", parameters: { required_approving_review_count: 1 } },
  ],
};

describe("agent-governance protect", () => {
  it("prints the plan and, without a terminal or --yes, changes nothing and exits 1", async () => {
    repoRulesets([]);

    const run = await protect(["acme/api", "--app-id", APP_ID]);

    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Plan for acme/api: create repository ruleset "agent-governance"');
    expect(run.stdout).toContain('required status check "agent-governance": required from app 123');
    expect(run.stdout).toMatch(/^\+ +"context": "agent-governance",$/m);
    expect(run.stdout).toMatch(/^\+ +"integration_id": 123$/m);
    expect(run.stderr).toContain("re-run with --yes to apply");
    expect(written).toEqual([]);
  });

  it("creates the ruleset with --yes: the check required from this app on the default branch", async () => {
    repoRulesets([]);
    nock(API).post("/repos/acme/api/rulesets").reply(record("POST"));

    const run = await protect(["acme/api", "--app-id", APP_ID, "--yes"]);

    expect(run).toMatchObject({ code: 0, stdout: expect.stringContaining('created ruleset "agent-governance" (id 42) on acme/api') });
    expect(written).toEqual([
      {
        method: "POST",
        path: "/repos/acme/api/rulesets",
        body: {
          name: "agent-governance",
          target: "branch",
          enforcement: "active",
          conditions: { ref_name: { include: ["~DEFAULT_BRANCH"], exclude: [] } },
          rules: [
            {
              type: "required_status_checks",
              parameters: {
                strict_required_status_checks_policy: false,
                required_status_checks: [{ context: "agent-governance", integration_id: 123 }],
              },
            },
          ],
          bypass_actors: [],
        },
      },
    ]);
  });

  it("takes the app id from APP_ID and the branch from --branch", async () => {
    repoRulesets([]);
    nock(API).post("/repos/acme/api/rulesets").reply(record("POST"));

    const run = await protect(["acme/api", "--branch", "main", "--yes"], { env: { APP_ID: "777" } });

    expect(run.code).toBe(0);
    expect(written[0].body.conditions.ref_name.include).toEqual(["refs/heads/main"]);
    expect(written[0].body.rules[0].parameters.required_status_checks).toEqual([{ context: "agent-governance", integration_id: 777 }]);
  });

  it("updates an existing ruleset, keeping its other rules, required checks and bypass actors", async () => {
    repoRulesets([{ id: 7, name: "release" }, { id: 42, name: "agent-governance" }]);
    nock(API).get("/repos/acme/api/rulesets/42").reply(200, EXISTING);
    nock(API).put("/repos/acme/api/rulesets/42").reply(record("PUT"));

    const run = await protect(["acme/api", "--app-id", APP_ID, "--yes"]);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('update repository ruleset "agent-governance" (id 42)');
    expect(run.stdout).toMatch(/^- {3}"enforcement": "evaluate",$/m);
    expect(run.stdout).toMatch(/^\+ {3}"enforcement": "active",$/m);
    expect(written).toHaveLength(1);
    const { body } = written[0];
    expect(body.rules).toEqual([
      { type: "deletion" },
      {
        type: "required_status_checks",
        parameters: {
          strict_required_status_checks_policy: true,
          required_status_checks: [{ context: "build" }, { context: "agent-governance", integration_id: 123 }],
        },
      },
      { type: "pull_request", parameters: { required_approving_review_count: 1 } },
    ]);
    expect(body.bypass_actors).toEqual(EXISTING.bypass_actors);
    expect(body).not.toHaveProperty("id");
    expect(body).not.toHaveProperty("_links");
  });

  it("names this app as the source of an agent-governance check that accepted any source", async () => {
    repoRulesets([{ id: 42, name: "agent-governance" }]);
    const anySource = structuredClone(EXISTING);
    anySource.enforcement = "active";
    anySource.rules[1].parameters!.required_status_checks = [{ context: "agent-governance" }];
    nock(API).get("/repos/acme/api/rulesets/42").reply(200, anySource);
    nock(API).put("/repos/acme/api/rulesets/42").reply(record("PUT"));

    const run = await protect(["acme/api", "--app-id", APP_ID, "--yes"]);

    expect(run.stdout).toContain("expected source changed from any source to app 123");
    expect(written[0].body.rules[1].parameters.required_status_checks).toEqual([{ context: "agent-governance", integration_id: 123 }]);
  });

  it("changes nothing and exits 0 when the ruleset already requires the check from this app", async () => {
    repoRulesets([{ id: 42, name: "agent-governance" }]);
    const done = structuredClone(EXISTING);
    done.enforcement = "active";
    done.rules[1].parameters!.required_status_checks = [{ context: "build" }, { context: "agent-governance", integration_id: 123 } as never];
    nock(API).get("/repos/acme/api/rulesets/42").reply(200, done);

    const run = await protect(["acme/api", "--app-id", APP_ID]);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain("nothing to change");
    expect(written).toEqual([]);
  });

  it("creates an organisation ruleset covering all its repositories", async () => {
    nock(API).get("/orgs/acme/rulesets").query({ per_page: "100", page: "1" }).reply(200, []);
    nock(API).post("/orgs/acme/rulesets").reply(record("POST"));

    const run = await protect(["acme", "--app-id", APP_ID, "--yes"]);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Plan for acme: create organisation ruleset "agent-governance"');
    expect(written[0]).toMatchObject({
      path: "/orgs/acme/rulesets",
      body: {
        conditions: {
          ref_name: { include: ["~DEFAULT_BRANCH"], exclude: [] },
          repository_name: { include: ["~ALL"], exclude: [] },
        },
      },
    });
  });

  it("applies when the person at the terminal says yes", async () => {
    repoRulesets([]);
    nock(API).post("/repos/acme/api/rulesets").reply(record("POST"));
    const questions: string[] = [];

    const run = await protect(["acme/api", "--app-id", APP_ID], { confirm: async (q) => (questions.push(q), true) });

    expect(run.code).toBe(0);
    expect(questions).toEqual(["Apply this change to acme/api? [y/N] "]);
    expect(written).toHaveLength(1);
  });

  it("changes nothing and exits 1 when the person at the terminal says no", async () => {
    repoRulesets([]);

    const run = await protect(["acme/api", "--app-id", APP_ID], { confirm: async () => false });

    expect(run).toMatchObject({ code: 1, stderr: expect.stringContaining("not applied") });
    expect(written).toEqual([]);
  });

  it.each([
    ["no --app-id and no APP_ID", [] as string[], {}],
    ["an --app-id that is not a number", ["--app-id", "my-app"], {}],
  ])("exits 2 without a request with %s", async (_name, flags, env) => {
    const run = await protect(["acme/api", ...flags], { env: { APP_ID: undefined, ...env } });

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/app id|app's id/);
  });

  it("exits 2 without credentials, asking for an administrator's token", async () => {
    const run = await protect(["acme/api", "--app-id", APP_ID], { env: { GITHUB_TOKEN: undefined, APP_ID: undefined } });

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^agent-governance protect: no GitHub credentials: set GITHUB_TOKEN to a token of an administrator/);
    expect(run.stderr).not.toContain("can read the repository");
  });

  it("exits 2 and says an administrator is needed when GitHub refuses the write", async () => {
    repoRulesets([]);
    nock(API).post("/repos/acme/api/rulesets").reply(403, { message: "Resource not accessible by integration" });

    const run = await protect(["acme/api", "--app-id", APP_ID, "--yes"]);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain("administrator");
  });
});
