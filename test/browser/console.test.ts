/**
 * The console in a real browser (Chromium via playwright-core) against the real server and the
 * simulator: sign-in, a blocked pull request's page agreeing with its check run, Re-evaluate
 * after an approval, a private repository invisible to a user without access, organisation
 * charts from a seeded ledger, CSV export, a hostile commit message rendered inert, keyboard
 * navigation and an accessibility check. Every page is saved as a screenshot artifact.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from "@jest/globals";
import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { PullRecord } from "@agent-governance/github-simulator";
import { openLedger } from "../../src/ledger/index.js";
import { startSandbox, type Sandbox } from "../../tools/sandbox/sandbox.js";
import { verdictOf } from "../../tools/sandbox/verdict.js";
import { accessibilityViolations, launchChromium, screenshot } from "./chromium.js";

jest.setTimeout(120_000);

const CLAUDE = "Co-Authored-By: Claude <noreply@anthropic.com>";
const HOSTILE_TITLE = `<script>window.__pwned = "title"</script>Harden the limiter`;
const HOSTILE_MESSAGE = `Fix <img src=x onerror="window.__pwned='commit'"> parsing\n\n${CLAUDE}\n`;
const DAY = 24 * 3600 * 1000;

let sandbox: Sandbox;
let browser: Browser;
let blocked: PullRecord;
let hostile: PullRecord;
let secret: PullRecord;

beforeAll(async () => {
  sandbox = await startSandbox({ launcher: "node", console: true });
  const { world } = sandbox;
  world.addOrg("acme", { members: ["alice", "carol", "bob"], basePermission: "none" });
  world.addRepo("acme", "api");
  world.addRepo("acme", "vault", { private: true });
  for (const login of ["alice", "bob"]) for (const repo of ["acme/api", "acme/vault"]) world.setPermission(repo, login, "write");
  world.setPermission("acme/api", "carol", "read");
  blocked = world.openPullRequest({ repo: "acme/api", author: "bob", head: "feature/limiter", title: "Add a token-bucket limiter", commits: [{ message: `Add a token-bucket limiter\n\n${CLAUDE}\n` }] });
  hostile = world.openPullRequest({ repo: "acme/api", author: "bob", head: "feature/<b>hostile</b>", title: HOSTILE_TITLE, commits: [{ message: HOSTILE_MESSAGE }] });
  secret = world.openPullRequest({ repo: "acme/vault", author: "bob", head: "feature/rotation", title: "Rotate the vault keys", commits: [{ message: `Rotate keys\n\n${CLAUDE}\n` }] });
  for (const pr of [blocked, hostile, secret]) await sandbox.deliver("pull_request", "opened", { pr });
  await seedHistory(sandbox.dataDir);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

/** Eight weeks of merges, reverts and approval waits, written into the app's own ledger. */
async function seedHistory(dataDir: string): Promise<void> {
  const ledger = await openLedger({ dataDir });
  const now = Date.now();
  try {
    for (let week = 1; week <= 8; week++) {
      for (let i = 0; i < week; i++) {
        const pr = 1000 + week * 10 + i;
        const mergedAt = new Date(now - week * 7 * DAY + i * 3600_000);
        const waiting = new Date(mergedAt.getTime() - (2 + i) * 3600_000);
        const base = { owner: "acme", repo: "api", pr, headSha: pr.toString(16).padStart(40, "a"), policy: { kind: "built-in" as const, description: "built-in default", blobShas: [] }, title: "", aiAssisted: true, tier: "new", agents: ["claude-code"], gates: [], ignored: [], override: null };
        // Every other pull request needed a senior engineer; the oldest week's decisions predate teams being kept.
        const rule = i % 2 === 0 ? { name: "Senior review", teams: ["acme/senior-engineers"] } : { name: "AI-assisted change needs review", teams: [] };
        const teams = week === 8 ? {} : { teams: rule.teams };
        await ledger.recordDecision({ ...base, conclusion: "action_required", rules: [{ name: rule.name, status: "waiting", ...teams }], counted: [], at: waiting });
        await ledger.recordDecision({ ...base, conclusion: "success", rules: [{ name: rule.name, status: "met", ...teams }], counted: [{ rule: rule.name, login: "alice", commitId: base.headSha }], at: new Date(mergedAt.getTime() - 600_000) });
        await ledger.recordMerge({ owner: "acme", repo: "api", pr, headSha: base.headSha, mergeCommitSha: null, agents: ["claude-code"], mergedAt });
        await ledger.recordPullMerge({ owner: "acme", repo: "api", pr, aiAssisted: true, mergedAt });
        await ledger.recordPullMerge({ owner: "acme", repo: "api", pr: pr + 5000, aiAssisted: false, mergedAt });
      }
      if (week % 3 === 0) await ledger.recordRevert({ owner: "acme", repo: "api", pr: 1000 + week * 10, revertCommitSha: "f".repeat(40), revertPr: null, revertedAt: new Date(now - week * 7 * DAY + 5 * DAY) });
    }
  } finally {
    await ledger.close();
  }
}

const url = (path: string) => `${sandbox.consoleUrl}${path}`;
const pagePath = (pr: PullRecord) => `/acme/${pr.repo.split("/")[1]}/pull/${pr.number}`;

/** A browser session signed in as `login` through the simulator's authorize page. */
async function signedIn(login: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(url(`/-/login?login=${login}&next=/`));
  await page.waitForURL(url("/"));
  return { context, page };
}

describe("signing in", () => {
  it("goes from the sign-in link through GitHub's authorize page back to the console", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url(pagePath(blocked)));
    // Not signed in: sent to GitHub, which asks who you are.
    await page.getByRole("link", { name: "alice" }).click();
    await page.waitForURL(url(pagePath(blocked)));
    await expect(page.locator(".account strong").textContent()).resolves.toBe("@alice");
    const cookie = (await context.cookies()).find((c) => c.name === "ag_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    await context.close();
  });
});

describe("the pull request page", () => {
  it("agrees with the check run of a blocked pull request", async () => {
    const { context, page } = await signedIn("alice");
    await page.goto(verdictOf(sandbox.world, blocked).run!.detailsUrl!);
    const verdict = verdictOf(sandbox.world, blocked);
    await expect(page.locator(".verdict-title").textContent()).resolves.toBe(verdict.title);
    await expect(page.locator(".verdict .badge").textContent()).resolves.toBe("Waiting for approval");
    await screenshot(page, "pull-request-blocked");
    await context.close();
  });

  it("re-evaluates after an approval the app has not heard of", async () => {
    sandbox.world.addReview(blocked, { user: "alice", state: "APPROVED" });
    const { context, page } = await signedIn("alice");
    await page.goto(url(pagePath(blocked)));
    await page.getByRole("button", { name: "Re-evaluate" }).click();
    await page.waitForURL(/re-evaluated=1/);
    await sandbox.settle();
    await page.reload();
    await expect(page.locator(".verdict .badge").textContent()).resolves.toBe("Passed");
    expect(verdictOf(sandbox.world, blocked).conclusion).toBe("success");
    await screenshot(page, "pull-request-passed");
    await context.close();
  });

  it("renders a hostile title, branch and commit message as inert text", async () => {
    const { context, page } = await signedIn("alice");
    await page.goto(url(pagePath(hostile)));
    await expect(page.locator("h1").textContent()).resolves.toContain(HOSTILE_TITLE);
    await expect(page.locator("td.message").first().textContent()).resolves.toContain(`<img src=x onerror="window.__pwned='commit'">`);
    expect(await page.evaluate(() => (globalThis as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(await page.locator("td.message img, h1 script").count()).toBe(0);
    await screenshot(page, "pull-request-hostile");
    await context.close();
  });

  it("is not found for a private repository the user cannot read", async () => {
    const { context, page } = await signedIn("carol");
    const response = await page.goto(url(pagePath(secret)));
    expect(response?.status()).toBe(404);
    await expect(page.content()).resolves.not.toMatch(/vault|Rotate/i);
    await screenshot(page, "not-found");
    await context.close();
  });

  it("can be used with the keyboard alone and has no serious accessibility violation", async () => {
    const { context, page } = await signedIn("alice");
    await page.goto(url(pagePath(hostile)));
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string } } }).document.activeElement.textContent)).resolves.toBe("Skip to content");
    await page.keyboard.press("Enter");
    await expect(page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).resolves.toBe("main");
    // Tab reaches the Re-evaluate button, and Enter presses it.
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press("Tab");
      const label = await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string } } }).document.activeElement.textContent);
      if (label === "Re-evaluate") break;
    }
    await page.keyboard.press("Enter");
    await page.waitForURL(/re-evaluated=1/);
    const serious = (await accessibilityViolations(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious).toEqual([]);
    await context.close();
  });
});

describe("organisation pages", () => {
  it("draw the weekly charts from the ledger and never name the private repository to a member without access", async () => {
    const { context, page } = await signedIn("carol");
    await page.goto(url("/acme"));
    expect(await page.locator("svg[role=img]").count()).toBe(3);
    await expect(page.locator("#merges-chart-title").textContent()).resolves.toMatch(/AI-assisted and human/);
    expect(await page.locator("svg rect title").allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/AI-assisted: [1-8]$/)]));
    await expect(page.content()).resolves.not.toMatch(/vault/i);
    await expect(page.locator("#agents + table").textContent()).resolves.toContain("claude-code");
    const perTeam = await page.getByRole("table", { name: "Per team" }).locator("tbody tr td:first-child").allTextContents();
    expect(perTeam).toEqual(["@acme/senior-engineers", "No team (listed users or a permission)", "Not recorded (decided before teams were kept)"]);
    await screenshot(page, "organisation");
    const serious = (await accessibilityViolations(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious).toEqual([]);
    await context.close();
  });

  it("show an agent's merges and reverts", async () => {
    const { context, page } = await signedIn("alice");
    await page.goto(url("/acme"));
    await page.getByRole("link", { name: "claude-code" }).click();
    await page.waitForURL(url("/acme/agents/claude-code"));
    expect(await page.locator("tr.reverted").count()).toBeGreaterThan(0);
    await screenshot(page, "agent");
    await context.close();
  });

  it("export the audit log as CSV, without the private repository for a member who cannot read it", async () => {
    const { context, page } = await signedIn("carol");
    await page.goto(url("/acme/audit"));
    await screenshot(page, "audit");
    const serious = (await accessibilityViolations(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "CSV" }).click()]);
    const csv = readFileSync((await download.path())!, "utf8");
    expect(csv.split("\r\n")[0]).toMatch(/^time,owner,repo,pr/);
    expect(csv).toMatch(/\r\n[^,]+,acme,api,/);
    expect(csv).not.toMatch(/vault/i);
    await context.close();
  });
});
