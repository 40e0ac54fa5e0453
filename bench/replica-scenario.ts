/**
 * What happens on GitHub during the replica load test: organisations (one installation each)
 * with a senior-approval policy, pull requests, and per pull request a random but seeded life —
 * pushes, reviews (senior, not senior, changes requested, dismissed), labels, statuses, check
 * suites, title edits. Each step changes the simulator's world first and then yields the
 * webhook GitHub would send for it, built from the world at that moment.
 */
import type { PullRecord, World } from "@agent-governance/github-simulator";
import { GITHUB_ACTIONS_APP_ID } from "@agent-governance/github-simulator";

export const LOAD_POLICY = `version: 1
rules:
  - name: senior approval
    require:
      approvals: 1
      from:
        teams: [senior-engineers]
gates:
  max_changed_files: 6
`;

const CO_AUTHOR = "Co-Authored-By: Claude <noreply@anthropic.com>";

export interface Webhook {
  event: string;
  action: string | undefined;
  payload: Record<string, unknown>;
  /** Which pull request it concerns (for reports). */
  pr: string;
}

export interface ScenarioPull {
  org: string;
  pr: PullRecord;
  /** Authors and reviewers of its organisation. */
  people: { authors: [string, string]; senior: string };
  pushes: number;
  files: number;
  steps: number;
  /** A person added the ai-assisted label. */
  declaredAi: boolean;
}

/** Seeded, so a run with a replica killed replays exactly the same GitHub story. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function orgName(index: number): string {
  return `load-${String(index + 1).padStart(3, "0")}`;
}

/** Organisations with a team, a repository and its policy. */
export function setUpOrganisations(world: World, orgs: number, installationId: (org: number) => number): void {
  for (let index = 0; index < orgs; index++) {
    const org = orgName(index);
    const people = peopleOf(org);
    world.addOrg(org, { members: [...people.authors, people.senior], installation: installationId(index) });
    world.addTeam(org, "senior-engineers", [people.senior]);
    world.addRepo(org, "service", { files: { ".agent-governance.yml": LOAD_POLICY, "README.md": "service\n" } });
    for (const login of [...people.authors, people.senior]) world.setPermission(`${org}/service`, login, "write");
  }
}

function peopleOf(org: string): ScenarioPull["people"] {
  return { authors: [`${org}-dev-a`, `${org}-dev-b`], senior: `${org}-senior` };
}

function message(subject: string, ai: boolean): string {
  return ai ? `${subject}\n\n${CO_AUTHOR}\n` : `${subject}\n`;
}

function addedFiles(pull: ScenarioPull, count: number) {
  return Array.from({ length: count }, () => ({ path: `src/file-${pull.pr.number}-${++pull.files}.ts`, additions: 3 }));
}

function webhook(pull: ScenarioPull, event: string, action: string | undefined, payload: Record<string, unknown>): Webhook {
  return { event, action, payload, pr: `${pull.pr.repo}#${pull.pr.number}` };
}

/** Opening the pull request: AI-assisted (a Claude co-author) or not, 1–3 files. */
/** Builds a webhook payload from the world as it is now (the simulator's `payload`). */
export type BuildPayload = (event: string, action: string | undefined, subject: object) => Record<string, unknown>;

export function openPullRequest(world: World, org: string, index: number, random: () => number, build: BuildPayload): { pull: ScenarioPull; hook: Webhook } {
  const people = peopleOf(org);
  const author = people.authors[index % 2];
  const ai = random() < 0.6;
  const pull: ScenarioPull = { org, pr: undefined as unknown as PullRecord, people, pushes: 0, files: 0, steps: 1, declaredAi: false };
  const files = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, n) => ({ path: `src/open-${index}-${n}.ts`, additions: 4 }));
  pull.files = files.length;
  pull.pr = world.openPullRequest({
    repo: `${org}/service`,
    author,
    head: `change-${index}`,
    commits: [{ message: message(`Change ${index}`, ai), files }],
  });
  return { pull, hook: webhook(pull, "pull_request", "opened", build("pull_request", "opened", { pr: pull.pr })) };
}

/** The next step of a pull request's life, with its webhook. */
export function nextStep(world: World, pull: ScenarioPull, random: () => number, build: BuildPayload): Webhook {
  const { pr, people } = pull;
  const repo = pr.repo;
  const kinds: Array<[number, () => Webhook | null]> = [
    [
      pull.pushes < 3 ? 14 : 0,
      () => {
        pull.pushes++;
        // Now and then a push that breaks the file gate.
        const count = random() < 0.12 ? 5 : 1;
        world.push(pr, [{ message: message(`Follow-up ${pull.pushes}`, random() < 0.5), files: addedFiles(pull, count) }]);
        return webhook(pull, "pull_request", "synchronize", build("pull_request", "synchronize", { pr }));
      },
    ],
    [
      14,
      () => {
        world.addReview(pr, { user: people.senior, state: "APPROVED" });
        return webhook(pull, "pull_request_review", "submitted", build("pull_request_review", "submitted", { pr, sender: people.senior }));
      },
    ],
    [
      8,
      () => {
        const other = people.authors.find((login) => login !== pr.author)!;
        world.addReview(pr, { user: other, state: "APPROVED" });
        return webhook(pull, "pull_request_review", "submitted", build("pull_request_review", "submitted", { pr, sender: other }));
      },
    ],
    [
      5,
      () => {
        world.addReview(pr, { user: people.senior, state: "CHANGES_REQUESTED" });
        return webhook(pull, "pull_request_review", "submitted", build("pull_request_review", "submitted", { pr, sender: people.senior }));
      },
    ],
    [
      5,
      () => {
        const review = world.reviewsOf(pr).filter((r) => r.state !== "DISMISSED").pop();
        if (!review) return null;
        world.dismissReview(pr, review.id, people.senior);
        return webhook(pull, "pull_request_review", "dismissed", build("pull_request_review", "dismissed", { pr, review: review.id, sender: people.senior }));
      },
    ],
    [
      6,
      () => {
        const has = world.labelsOf(pr).includes("docs");
        if (has) world.removeLabel(pr, "docs", pr.author);
        else world.addLabel(pr, "docs", pr.author);
        const action = has ? "unlabeled" : "labeled";
        return webhook(pull, "pull_request", action, build("pull_request", action, { pr, label: "docs", sender: pr.author }));
      },
    ],
    [
      3,
      () => {
        // Decided from the story's own record, not the world: the app adds this label too, and
        // the story must not depend on how far the app has got (the kill run replays it).
        if (pull.declaredAi) return null;
        pull.declaredAi = true;
        // A person declares AI help on a pull request the catalogue did not recognise.
        world.addLabel(pr, "ai-assisted", pr.author);
        return webhook(pull, "pull_request", "labeled", build("pull_request", "labeled", { pr, label: "ai-assisted", sender: pr.author }));
      },
    ],
    [
      15,
      () => {
        const sha = world.headSha(pr);
        world.setStatus(repo, sha, { context: "ci/build", state: random() < 0.7 ? "success" : "pending" });
        return webhook(pull, "status", undefined, build("status", undefined, { repo, sha, context: "ci/build" }));
      },
    ],
    [
      15,
      () => {
        world.checkSuiteFor(repo, world.headSha(pr), GITHUB_ACTIONS_APP_ID);
        return webhook(pull, "check_suite", "completed", build("check_suite", "completed", { pr }));
      },
    ],
    [
      10,
      () => {
        const from = pr.title;
        world.editPullRequest(pr, { title: `${from.split(" (")[0]} (rev ${pull.steps})` }, pr.author);
        return webhook(pull, "pull_request", "edited", build("pull_request", "edited", { pr, changes: { title: { from } } }));
      },
    ],
  ];
  pull.steps++;
  for (;;) {
    const total = kinds.reduce((sum, [weight]) => sum + weight, 0);
    let pick = random() * total;
    for (const [weight, step] of kinds) {
      pick -= weight;
      if (pick < 0 && weight > 0) {
        const hook = step();
        if (hook) return hook;
        break;
      }
    }
  }
}
