/**
 * Where the demo's stories are played: the sandbox (simulator + real app), the narrator, and
 * the few moves every story makes — send a webhook, show the verdict, check it is the one the
 * story expects (a demo that shows a wrong verdict exits 1, so it doubles as a smoke test).
 */
import type { DeliveryInput, PullRecord, World } from "@agent-governance/github-simulator";
import type { Narrator } from "./narrator.js";
import type { Sandbox } from "../sandbox/sandbox.js";
import { verdictOf, type Verdict } from "../sandbox/verdict.js";
import type { ExplanationLine } from "./explanation.js";

export class Stage {
  readonly failures: string[] = [];

  constructor(
    readonly sandbox: Sandbox,
    readonly say: Narrator,
  ) {}

  get world(): World {
    return this.sandbox.world;
  }

  /** GitHub sends a webhook; the app answers and evaluates. */
  async send(event: string, action: string | undefined, input: DeliveryInput): Promise<void> {
    const started = performance.now();
    const result = await this.sandbox.deliver(event, action, input);
    this.say.webhook(action ? `${event}.${action}` : event, result.status, performance.now() - started);
  }

  /** A pull request as `owner/repo#N`. */
  where(pr: PullRecord): string {
    return `${pr.repo}#${pr.number}`;
  }

  /** Prints the verdict and records a failure when it is not `expected`. */
  show(pr: PullRecord, expected: string, options: { extra?: string[]; only?: ExplanationLine["kind"][]; titleMatches?: RegExp } = {}): Verdict {
    const verdict = verdictOf(this.world, pr);
    this.say.verdict(this.where(pr), verdict, options.extra, options.only);
    const problems: string[] = [];
    if (verdict.conclusion !== expected) problems.push(`expected ${expected}, got ${verdict.conclusion}`);
    if (options.titleMatches && !options.titleMatches.test(verdict.title)) problems.push(`expected a title matching ${options.titleMatches}`);
    if (verdict.runCount > 1) problems.push(`${verdict.runCount} check runs on one head commit`);
    if (problems.length > 0) {
      const text = `${this.where(pr)}: ${problems.join("; ")}`;
      this.failures.push(text);
      this.say.outcome(false, text);
    }
    return verdict;
  }

  /** A review on the head commit, and its webhook. */
  async review(pr: PullRecord, login: string, state: "APPROVED" | "CHANGES_REQUESTED" = "APPROVED"): Promise<void> {
    this.world.addReview(pr, { user: login, state });
    await this.send("pull_request_review", "submitted", { pr, sender: login });
  }

  /** Checks a fact the story relies on, beyond the verdict (a label, a review request). */
  expect(ok: boolean, what: string): void {
    if (!ok) {
      this.failures.push(what);
      this.say.outcome(false, what);
    }
  }
}
