/**
 * Killing the app in the middle of a burst: every merge whose webhook the app
 * acknowledged (HTTP 200) is in the ledger after a restart, and the SQLite file passes
 * SQLite's own integrity check. Without a Redis queue the app records merges before it answers,
 * because GitHub does not redeliver a webhook it saw acknowledged.
 */
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import SQLite from "better-sqlite3";
import { openLedger } from "../../src/ledger/index.js";
import type { PullRecord } from "@agent-governance/github-simulator";
import { aiMessage, freshRepo, useSandbox } from "./stage.js";

const sandbox = useSandbox();

describe("a crash in the middle of a burst of merges", () => {
  it("keeps every acknowledged merge, and the SQLite file is not corrupt", async () => {
    const { world, sim } = sandbox();
    if (!world.orgs.has("acme")) world.addOrg("acme", { members: ["alice", "bob"] });
    const name = freshRepo("crash");
    world.addRepo("acme", name, {});
    const repo = `acme/${name}`;

    const pulls: PullRecord[] = [];
    for (let i = 1; i <= 40; i++) {
      const pr = world.openPullRequest({
        repo,
        author: "alice",
        head: `feature-${i}`,
        commits: [{ message: aiMessage(`Change ${i}`), files: [{ path: `src/change-${i}.ts`, additions: 3 }] }],
      });
      world.merge(pr, { by: "bob" });
      pulls.push(pr);
    }

    const acknowledged: number[] = [];
    const app = sandbox().app;
    const deliveries = pulls.map(async (pr, index) => {
      try {
        const result = await sim.deliver("pull_request", "closed", { pr, sender: "bob" });
        if (result.status === 200) acknowledged.push(pr.number);
      } catch {
        // the connection died with the process: not acknowledged
      }
      // Kill the process hard once part of the burst was answered, while the rest is in flight.
      if (index === 0) setTimeout(() => process.kill(app.pid, "SIGKILL"), 150);
    });
    await Promise.all(deliveries);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(app.exited()).toBe(true);
    expect(acknowledged.length).toBeGreaterThan(0);

    const file = join(sandbox().dataDir, "ledger.sqlite");
    const raw = new SQLite(file, { readonly: true });
    expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
    raw.close();

    await sandbox().restartApp();
    const ledger = await openLedger({ dataDir: sandbox().dataDir });
    try {
      const recorded: number[] = [];
      for (const number of acknowledged) {
        if (await ledger.findMergeByPr({ owner: "acme", repo: name }, number)) recorded.push(number);
      }
      expect(recorded.sort((a, b) => a - b)).toEqual([...acknowledged].sort((a, b) => a - b));
    } finally {
      await ledger.close();
    }
  });
});
