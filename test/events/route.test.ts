/**
 * Which work each webhook leaves behind, for every event and action the README lists, the
 * ignored ones with their reasons. Payloads are real deliveries (@octokit/webhooks-examples)
 * patched to one repository; the Probot+nock tests in test/app prove the wiring around this.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import { ROUTED_EVENTS, routeEvent, type RouteContext } from "../../src/events/route.js";
import {
  APP_ID,
  INSTALLATION_ID,
  OWNER,
  REPO,
  PREVIOUS_HEAD_SHA,
  SHA_1,
  SHA_2,
  checkRunEvent,
  checkSuiteEvent,
  example,
  installationRepositoriesAddedEvent,
  listedPullRequest,
  membershipEvent,
  mergeGroupEvent,
  pullRequestEvent,
  pushEvent,
  reviewEvent,
  statusEvent,
} from "../app/fixtures.js";

type Payload = Record<string, any>;

const context = (overrides: Partial<RouteContext> = {}): RouteContext => ({
  appId: APP_ID,
  recordsHistory: true,
  ownLabelChanges: { has: (pr, label) => pr.number === 7 && label.toLowerCase() === "ai-assisted" },
  ...overrides,
});

const evaluate = (number = 7) => ({ type: "evaluate", target: { installationId: INSTALLATION_ID, owner: OWNER, repo: REPO, number, headSha: SHA_1 } });
/** `pull_request` events also say how many commits and files the PR has at that head (the example's 1 and 1). */
const fromPullRequest = () => ({ type: "evaluate", target: { ...evaluate().target, webhookCounts: { commits: 1, changedFiles: 1 } } });
const pullsForCommit = { type: "pulls-for-commit", installationId: INSTALLATION_ID, repository: { owner: OWNER, repo: REPO }, sha: SHA_1 };
/** The other open PRs still on a head PR #7 left: they share its check run. */
const pullsLeftBehind = (sha: string) => ({ ...pullsForCommit, sha, except: 7 });
const openPullRequests = (repositories: unknown, reason: string) => ({ type: "open-pull-requests", installationId: INSTALLATION_ID, repositories, reason });

function with_(payload: Payload, change: (p: Payload) => void): Payload {
  change(payload);
  return payload;
}

const labeled = (action: string, senderType: string, label: string) =>
  with_(pullRequestEvent(action), (p) => {
    p.label = { name: label };
    p.sender.type = senderType;
  });

const pushedBy = (login: string, id: number, type: string) =>
  with_(pullRequestEvent("synchronize"), (p) => {
    p.sender = { login, id, type };
  });
const copilotPusher = { login: "copilot", id: 198982749, isBot: true };

const checkSuite = (action: "rerequested" | "completed", appId: number, listed: boolean, headBranch = "feature/limiter") =>
  with_(checkSuiteEvent(action, appId), (p) => {
    if (!listed) p.check_suite.pull_requests = [];
    p.check_suite.head_branch = headBranch;
  });

const pushTo = (ref: string, files: string[] = [], repo = REPO) =>
  with_(pushEvent(ref, [{ id: SHA_1, message: "Update", modified: files }]), (p) => {
    p.repository.name = repo;
    p.repository.full_name = `${OWNER}/${repo}`;
  });

const pushedCommits = [{ id: SHA_1, message: "Update", timestamp: "2025-06-02T12:00:00Z" }];
const recordPush = (repo = REPO) => ({ type: "record-push", installationId: INSTALLATION_ID, repository: { owner: OWNER, repo }, after: SHA_1, commits: pushedCommits });

interface Row {
  /** What happens, as a sentence. */
  name: string;
  /** `event.action` (or the event alone) as the README lists it. */
  event: string;
  payload: () => Payload;
  context?: Partial<RouteContext>;
  /** The jobs, in order, or the reason the event is ignored. */
  expected: unknown[] | { ignored: RegExp };
}

const rows: Row[] = [
  ...["opened", "reopened", "ready_for_review", "converted_to_draft"].map((action) => ({
    name: `pull_request.${action} evaluates the pull request`,
    event: `pull_request.${action}`,
    payload: () => pullRequestEvent(action),
    expected: [fromPullRequest()],
  })),
  {
    name: "pull_request.synchronize remembers who pushed (an agent's push is a signal) and evaluates knowing it",
    event: "pull_request.synchronize",
    payload: () => pushedBy("copilot-swe-agent[bot]", 198982749, "Bot"),
    expected: [
      { type: "record-pusher", target: { ...fromPullRequest().target, pushedBy: copilotPusher }, pusher: copilotPusher },
      { type: "evaluate", target: { ...fromPullRequest().target, pushedBy: copilotPusher } },
      pullsLeftBehind(PREVIOUS_HEAD_SHA),
    ],
  },
  {
    name: "pull_request.synchronize without a ledger evaluates knowing the pusher",
    event: "pull_request.synchronize",
    payload: () => pushedBy("copilot-swe-agent[bot]", 198982749, "Bot"),
    context: { recordsHistory: false },
    expected: [{ type: "evaluate", target: { ...fromPullRequest().target, pushedBy: copilotPusher } }, pullsLeftBehind(PREVIOUS_HEAD_SHA)],
  },
  {
    name: "pull_request.synchronize re-evaluates the other open pull requests still on the head it left (they share its check run)",
    event: "pull_request.synchronize",
    payload: () => with_(pullRequestEvent("synchronize", { before: SHA_2 }), (p) => delete p.sender),
    context: { recordsHistory: false },
    expected: [fromPullRequest(), pullsLeftBehind(SHA_2)],
  },
  {
    name: "pull_request.synchronize naming no previous head evaluates only the pull request",
    event: "pull_request.synchronize",
    payload: () => with_(pullRequestEvent("synchronize"), (p) => {
      delete p.before;
      delete p.sender;
    }),
    expected: [fromPullRequest()],
  },
  ...["labeled", "unlabeled"].flatMap((action) => [
    { name: `pull_request.${action} by a person evaluates`, event: `pull_request.${action}`, payload: () => labeled(action, "User", "AI-Assisted"), expected: [fromPullRequest()] },
    { name: `pull_request.${action} by another bot evaluates`, event: `pull_request.${action}`, payload: () => labeled(action, "Bot", "needs-review"), expected: [fromPullRequest()] },
    {
      name: `pull_request.${action}: the echo of the app's own label change is ignored`,
      event: `pull_request.${action}`,
      payload: () => labeled(action, "Bot", "AI-Assisted"),
      expected: { ignored: /echo of a label this app changed/ },
    },
  ]),
  {
    name: "pull_request.edited with a new base branch evaluates (the policy is read from the base)",
    event: "pull_request.edited",
    payload: () => with_(pullRequestEvent("edited"), (p) => (p.changes = { base: { ref: { from: "develop" } } })),
    expected: [fromPullRequest()],
  },
  {
    name: "pull_request.opened: counts that are not counts are left out",
    event: "pull_request.opened",
    payload: () => with_(pullRequestEvent("opened"), (p) => Object.assign(p.pull_request, { commits: "150", changed_files: -1 })),
    expected: [evaluate()],
  },
  {
    name: "pull_request.edited without a base change is ignored",
    event: "pull_request.edited",
    payload: () => with_(pullRequestEvent("edited"), (p) => (p.changes = { title: { from: "old" } })),
    expected: { ignored: /base branch did not change/ },
  },
  {
    name: "pull_request.closed merged records the merge and re-evaluates the other open pull requests on its head",
    event: "pull_request.closed",
    payload: () =>
      with_(pullRequestEvent("closed"), (p) => {
        Object.assign(p.pull_request, { merged: true, merge_commit_sha: SHA_1, merged_at: "2025-06-02T12:00:00Z", title: "Limiter", body: null });
      }),
    expected: [
      {
        type: "record-merge",
        target: fromPullRequest().target,
        merged: { mergeCommitSha: SHA_1, mergedAt: "2025-06-02T12:00:00.000Z", title: "Limiter", body: "" },
      },
      pullsLeftBehind(SHA_1),
    ],
  },
  {
    name: "pull_request.closed merged without a ledger re-evaluates the other open pull requests on its head",
    event: "pull_request.closed",
    payload: () => with_(pullRequestEvent("closed"), (p) => (p.pull_request.merged = true)),
    context: { recordsHistory: false },
    expected: [pullsLeftBehind(SHA_1)],
  },
  {
    name: "pull_request.closed without merging re-evaluates the other open pull requests on its head (they share its check run)",
    event: "pull_request.closed",
    payload: () => with_(pullRequestEvent("closed"), (p) => (p.pull_request.merged = false)),
    expected: [pullsLeftBehind(SHA_1)],
  },
  {
    name: "pull_request.closed without merging and naming no head is ignored",
    event: "pull_request.closed",
    payload: () =>
      with_(pullRequestEvent("closed"), (p) => {
        p.pull_request.merged = false;
        delete p.pull_request.head.sha;
      }),
    expected: { ignored: /no merge to record and no head commit/ },
  },
  { name: "pull_request.assigned is ignored", event: "pull_request.assigned", payload: () => pullRequestEvent("assigned"), expected: { ignored: /not an event the app acts on/ } },
  ...(["submitted", "edited", "dismissed"] as const).map((action) => ({
    name: `pull_request_review.${action} evaluates the pull request`,
    event: `pull_request_review.${action}`,
    payload: () => reviewEvent(action),
    expected: [evaluate()],
  })),
  { name: "check_run.rerequested evaluates the listed pull requests", event: "check_run.rerequested", payload: () => checkRunEvent("rerequested"), expected: [evaluate()] },
  {
    name: "check_run.rerequested without listed pull requests (a fork's) looks them up through the commit",
    event: "check_run.rerequested",
    payload: () => with_(checkRunEvent("rerequested"), (p) => (p.check_run.pull_requests = [])),
    expected: [pullsForCommit],
  },
  {
    name: "check_run.requested_action: the Re-evaluate button evaluates",
    event: "check_run.requested_action",
    payload: () => checkRunEvent("requested_action", "re-evaluate"),
    expected: [evaluate()],
  },
  {
    name: "check_run.requested_action: another button is ignored",
    event: "check_run.requested_action",
    payload: () => checkRunEvent("requested_action", "something-else"),
    expected: { ignored: /not the Re-evaluate button/ },
  },
  {
    name: "check_run.completed is ignored",
    event: "check_run.completed",
    payload: () => with_(checkRunEvent("rerequested"), (p) => (p.action = "completed")),
    expected: { ignored: /not an event the app acts on/ },
  },
  { name: "check_suite.rerequested of the app's own suite evaluates", event: "check_suite.rerequested", payload: () => checkSuite("rerequested", APP_ID, true), expected: [evaluate()] },
  {
    name: "check_suite.rerequested without pull requests, even on the default branch, looks them up",
    event: "check_suite.rerequested",
    payload: () => checkSuite("rerequested", APP_ID, false, "main"),
    expected: [pullsForCommit],
  },
  { name: "check_suite.completed of another app evaluates", event: "check_suite.completed", payload: () => checkSuite("completed", 999, true), expected: [evaluate()] },
  {
    name: "check_suite.completed of another app lists only pull requests of this repository",
    event: "check_suite.completed",
    payload: () =>
      with_(checkSuite("completed", 999, true), (p) => {
        p.check_suite.pull_requests.push(listedPullRequest(8, SHA_1, 555_555, "elsewhere"));
      }),
    expected: [evaluate()],
  },
  {
    name: "check_suite.completed of the app's own suite is ignored (its own output)",
    event: "check_suite.completed",
    payload: () => checkSuite("completed", APP_ID, true),
    expected: { ignored: /own check suite/ },
  },
  {
    name: "check_suite.completed without pull requests on a feature branch looks them up through the commit",
    event: "check_suite.completed",
    payload: () => checkSuite("completed", 999, false),
    expected: [pullsForCommit],
  },
  {
    name: "check_suite.completed without pull requests on the default branch is ignored",
    event: "check_suite.completed",
    payload: () => checkSuite("completed", 999, false, "main"),
    expected: { ignored: /default branch/ },
  },
  {
    name: "check_suite.completed without pull requests on a merge queue branch is ignored",
    event: "check_suite.completed",
    payload: () => checkSuite("completed", 999, false, `gh-readonly-queue/main/pr-7-${SHA_1}`),
    expected: { ignored: /merge queue branch/ },
  },
  { name: "status looks up the pull requests of its commit", event: "status", payload: () => statusEvent(), expected: [pullsForCommit] },
  {
    name: "push to the default branch records its commits (reverts) in the ledger",
    event: "push",
    payload: () => pushTo("refs/heads/main", ["src/a.ts"]),
    expected: [recordPush()],
  },
  {
    name: "push to the default branch without a ledger and without a policy change leaves nothing",
    event: "push",
    payload: () => pushTo("refs/heads/main", ["src/a.ts"]),
    context: { recordsHistory: false },
    expected: [],
  },
  {
    name: "push changing the policy file re-evaluates the repository's open pull requests",
    event: "push",
    payload: () => pushTo("refs/heads/main", [".agent-governance.yml"]),
    expected: [recordPush(), openPullRequests([{ owner: OWNER, repo: REPO }], "policy-changed")],
  },
  {
    name: "push changing the organisation default (.github) re-evaluates every repository of the installation",
    event: "push",
    payload: () => pushTo("refs/heads/main", [".agent-governance.yml"], ".github"),
    context: { recordsHistory: false },
    expected: [openPullRequests("installation", "policy-changed")],
  },
  {
    name: "push to another branch is ignored",
    event: "push",
    payload: () => pushTo("refs/heads/feature", [".agent-governance.yml"]),
    expected: { ignored: /not the default branch/ },
  },
  {
    name: "installation.created evaluates the open pull requests of every repository",
    event: "installation.created",
    payload: () =>
      with_(example("installation", "created"), (p) => {
        p.installation.id = INSTALLATION_ID;
        p.repositories = [{ full_name: `${OWNER}/api` }, { full_name: `${OWNER}/web` }];
      }),
    expected: [openPullRequests([{ owner: OWNER, repo: "api" }], "installed"), openPullRequests([{ owner: OWNER, repo: "web" }], "installed")],
  },
  {
    name: "installation.deleted is ignored",
    event: "installation.deleted",
    payload: () => with_(example("installation", "deleted"), (p) => (p.installation.id = INSTALLATION_ID)),
    expected: { ignored: /not an event the app acts on/ },
  },
  {
    name: "installation_repositories.added evaluates the added repositories' open pull requests",
    event: "installation_repositories.added",
    payload: () => installationRepositoriesAddedEvent(["web"]),
    expected: [openPullRequests([{ owner: OWNER, repo: "web" }], "installed")],
  },
  {
    name: "installation_repositories.removed is ignored",
    event: "installation_repositories.removed",
    payload: () => with_(installationRepositoriesAddedEvent(["web"]), (p) => (p.action = "removed")),
    expected: { ignored: /not an event the app acts on/ },
  },
  {
    name: "merge_group.checks_requested judges the group",
    event: "merge_group.checks_requested",
    payload: () => mergeGroupEvent("checks_requested", { headSha: SHA_1, lastPullRequest: 7 }),
    expected: [
      {
        type: "merge-group",
        group: { installationId: INSTALLATION_ID, owner: OWNER, repo: REPO, headSha: SHA_1, headRef: `refs/heads/gh-readonly-queue/main/pr-7-${"0000000fffffffffffffffffffffffffffffffff"}`, baseRef: "refs/heads/main" },
      },
    ],
  },
  {
    name: "merge_group.destroyed is ignored (the group's check run is history)",
    event: "merge_group.destroyed",
    payload: () => mergeGroupEvent("destroyed", { headSha: SHA_1, lastPullRequest: 7 }),
    expected: { ignored: /leaving the queue/ },
  },
  {
    name: "membership drops the team's cached roster",
    event: "membership",
    payload: () => membershipEvent("seniors"),
    expected: [{ type: "directory-changed", org: OWNER, team: "seniors" }],
  },
  {
    name: "membership without an organisation is ignored",
    event: "membership",
    payload: () => with_(membershipEvent("seniors"), (p) => delete p.organization),
    expected: { ignored: /no organisation/ },
  },
  {
    name: "team (deleted) drops the team's cached roster",
    event: "team",
    payload: () =>
      with_(example("team", "deleted"), (p) => {
        p.organization = { login: OWNER };
        p.team.slug = "seniors";
      }),
    expected: [{ type: "directory-changed", org: OWNER, team: "seniors" }],
  },
  {
    name: "an event not sent to an installation is ignored",
    event: "pull_request.opened",
    payload: () => with_(pullRequestEvent("opened"), (p) => delete p.installation),
    expected: { ignored: /not sent to an installation/ },
  },
];

describe("routeEvent", () => {
  it.each(rows.map((row) => [row.name, row] as const))("%s", (_name, row) => {
    const eventName = row.event.split(".")[0];
    const route = routeEvent(eventName, row.payload(), context(row.context));
    if (!Array.isArray(row.expected)) {
      expect(route).toEqual({ ignored: expect.stringMatching(row.expected.ignored) });
    } else {
      expect(route).toEqual(row.expected);
    }
  });
});

describe("README's event table", () => {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const section = readme.split("\n## Events\n")[1].split("\n## ")[0];
  const listed = section
    .split("\n")
    .filter((line) => /^\| `/.test(line))
    .flatMap((line) => {
      const [events, actions] = line.split("|").slice(1, 3).map((cell) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]));
      return events.flatMap((event) => (actions.length ? actions.map((action) => `${event}.${action}`) : [event]));
    });

  it("lists every event the app subscribes to", () => {
    expect([...listed].sort()).toEqual([...ROUTED_EVENTS].sort());
  });

  it("has a routing row for every event and action it lists", () => {
    const tested = new Set(rows.map((row) => row.event));
    expect(listed.filter((event) => !tested.has(event))).toEqual([]);
  });
});
