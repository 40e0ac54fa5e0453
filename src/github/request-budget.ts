/**
 * GitHub's secondary rate limits, kept per installation on the client side.
 *
 * GitHub limits content-creating requests (about 80 a minute and 500 an hour, and it asks for
 * a second between the writes of one client; requests that notify people, such as review
 * requests, get three), and charges reads in points (REST: 900 a minute,
 * a GET costs 1 and a write 5; GraphQL: 2 000 a minute, a query costs 1 and a mutation 5).
 * Each limit is a sliding window here: a request goes out at once while every window of its
 * budget has room, and otherwise waits until the oldest entry leaves the window. So reads
 * never wait behind writes, and writes never exceed the documented ceilings in any minute or
 * hour, however the requests bunch up.
 *
 * The windows live in this process, or in Redis when replicas share one GitHub installation
 * (redis-request-budget.ts), so that two replicas together stay within the same ceilings.
 */
import { throttling } from "@octokit/plugin-throttling";

export interface Window {
  ms: number;
  /** Total cost allowed within any `ms` milliseconds. */
  max: number;
}

export interface Budget {
  name: "content" | "notifications" | "graphql" | "rest";
  /** Minimum time between the starts of two requests of this budget (GitHub's "one second between writes"). */
  intervalMs: number;
  windows: readonly Window[];
}

/** The documented ceilings (GitHub's "About secondary rate limits"). */
export const GITHUB_BUDGETS: Record<Budget["name"], Budget> = {
  content: { name: "content", intervalMs: 1_000, windows: [{ ms: 60_000, max: 80 }, { ms: 3_600_000, max: 500 }] },
  notifications: { name: "notifications", intervalMs: 3_000, windows: [] },
  graphql: { name: "graphql", intervalMs: 0, windows: [{ ms: 60_000, max: 2_000 }] },
  rest: { name: "rest", intervalMs: 0, windows: [{ ms: 60_000, max: 900 }] },
};

/** One request as Octokit's `request` hook sees it. */
export interface RequestShape {
  method: string;
  url: string;
  query?: unknown;
}

export interface Charge {
  budget: Budget["name"];
  cost: number;
}

/** Requests that do not count: fetching an installation token is the app's, not the installation's. */
const AUTH_PATH = /^\/(app\/installations\/[^/]+\/access_tokens|applications\/[^/]+\/token(\/scoped)?|login\/oauth\/access_token)$/;

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function pathOf(url: string): string {
  return new URL(url, "http://github.test").pathname.replace(/^\/api\/v3(?=\/)/, "");
}

export function isGraphqlMutation(request: RequestShape): boolean {
  return typeof request.query === "string" && /^\s*(#[^\n]*\n\s*)*mutation\b/.test(request.query);
}

/** What a request costs, and from which budgets: content-creating requests are charged to
 * `content` as well as to their API's points. Empty for requests no limit applies to. */
export function chargesOf(request: RequestShape): Charge[] {
  const path = pathOf(request.url);
  const method = request.method.toUpperCase();
  if (AUTH_PATH.test(path)) return [];
  if (/^\/(api\/)?graphql$/.test(path)) {
    return isGraphqlMutation(request) ? [{ budget: "content", cost: 1 }, { budget: "graphql", cost: 5 }] : [{ budget: "graphql", cost: 1 }];
  }
  if (READ_METHODS.has(method)) return [{ budget: "rest", cost: 1 }];
  const write: Charge[] = [{ budget: "content", cost: 1 }, { budget: "rest", cost: 5 }];
  return throttling.triggersNotification(path) ? [{ budget: "notifications", cost: 1 }, ...write] : write;
}

export function isContentCreating(request: RequestShape): boolean {
  return chargesOf(request).some((charge) => charge.budget === "content");
}

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface BudgetCharge {
  budget: Budget;
  cost: number;
}

/** Where the windows are kept. */
export interface BudgetStore {
  /** Records every charge for `installation` and answers 0 if each fits its budget now;
   * otherwise records nothing and answers how many milliseconds to wait before asking again.
   * All or nothing, so a request never holds one budget's slot while it waits for another's. */
  claim(installation: string, charges: readonly BudgetCharge[]): Promise<number>;
  close?(): Promise<void>;
}

interface Entry {
  at: number;
  cost: number;
}

export const longestSpan = (budget: Budget): number => Math.max(budget.intervalMs, ...budget.windows.map((w) => w.ms));

/** Milliseconds until `cost` more fits every window of `budget`, given its entries (oldest first). */
export function waitFor(entries: readonly Entry[], budget: Budget, cost: number, now: number): number {
  let wait = 0;
  const last = entries[entries.length - 1];
  if (budget.intervalMs > 0 && last) wait = Math.max(wait, last.at + budget.intervalMs - now);
  for (const window of budget.windows) {
    const inWindow = entries.filter((entry) => entry.at > now - window.ms);
    let used = inWindow.reduce((sum, entry) => sum + entry.cost, 0);
    for (const entry of inWindow) {
      if (used + cost <= window.max) break;
      used -= entry.cost;
      // Once this entry has left the window, its cost is free again.
      wait = Math.max(wait, entry.at + window.ms - now + 1);
    }
  }
  return wait;
}

/** The windows of one process. */
export class MemoryBudgetStore implements BudgetStore {
  private readonly entries = new Map<string, Entry[]>();
  private lastSweep = 0;

  constructor(private readonly clock: Clock = systemClock) {}

  async claim(installation: string, charges: readonly BudgetCharge[]): Promise<number> {
    const now = this.clock.now();
    const lists = charges.map(({ budget }) => {
      const key = `${budget.name}:${installation}`;
      const entries = (this.entries.get(key) ?? []).filter((entry) => entry.at > now - longestSpan(budget));
      this.entries.set(key, entries);
      return entries;
    });
    const wait = Math.max(0, ...charges.map(({ budget, cost }, i) => waitFor(lists[i], budget, cost, now)));
    if (wait <= 0) charges.forEach(({ cost }, i) => lists[i].push({ at: now, cost }));
    this.sweep(now);
    return wait;
  }

  /** Installations that went quiet are forgotten once their longest window has passed. */
  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    const longest = Math.max(...Object.values(GITHUB_BUDGETS).flatMap((b) => b.windows.map((w) => w.ms)));
    for (const [key, entries] of this.entries) {
      if ((entries[entries.length - 1]?.at ?? 0) <= now - longest) this.entries.delete(key);
    }
  }
}

/**
 * Spends requests' charges against their budgets, per installation and in the order requests
 * of one kind arrived (in this process, a write never overtakes an earlier write).
 */
export class RequestBudgets {
  private readonly tails = new Map<string, Promise<void>>();

  constructor(
    private readonly budgets: Partial<Record<Budget["name"], Budget>>,
    private readonly store: BudgetStore,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Resolves when `request` may go out for `installation`; its charges are then recorded. */
  spend(installation: string, request: RequestShape): Promise<void> {
    const charges = chargesOf(request).flatMap(({ budget: name, cost }) => {
      const budget = this.budgets[name];
      return budget && (budget.intervalMs > 0 || budget.windows.length > 0) ? [{ budget, cost }] : [];
    });
    if (charges.length === 0) return Promise.resolve();
    // One line per kind of request: reads never queue behind a waiting write.
    const key = `${installation}:${charges.map((c) => c.budget.name).join("+")}`;
    const previous = this.tails.get(key) ?? Promise.resolve();
    const mine = previous.then(() => this.wait(installation, charges));
    const tail = mine.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return mine;
  }

  private async wait(installation: string, charges: readonly BudgetCharge[]): Promise<void> {
    for (;;) {
      const wait = await this.store.claim(installation, charges);
      if (wait <= 0) return;
      await this.clock.sleep(wait);
    }
  }

  async close(): Promise<void> {
    await this.store.close?.();
  }
}
